package dev.panorama.order.application.port.in;

public class IdempotencyKeyReusedException extends BusinessRuleViolationException {

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("Idempotency-Key " + key.value() + " was used for a different order");
    }
}
