package dev.panorama.order.domain;

/** A value that breaks a value type's own rules, e.g. a price that is not a two-decimal amount. */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
