package dev.panorama.order.domain;

/** A well-formed order the rules refuse: an item not on the menu, two currencies in one order, a total too large. */
public class OrderRuleException extends RuntimeException {

    public OrderRuleException(String message) {
        super(message);
    }
}
