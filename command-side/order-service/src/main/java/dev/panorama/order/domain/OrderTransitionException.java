package dev.panorama.order.domain;

/** A step the order's state does not allow, e.g. approving a cancelled order or revising a rejected one. */
public class OrderTransitionException extends RuntimeException {

    public OrderTransitionException(OrderId orderId, OrderStatus status, String step) {
        super("order " + orderId + " is " + status + " and cannot " + step);
    }
}
