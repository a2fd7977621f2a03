package dev.panorama.order.application.port.in;

/** A well-formed command the rules of the service refuse. */
public abstract class BusinessRuleViolationException extends RuntimeException {

    protected BusinessRuleViolationException(String message) {
        super(message);
    }
}
