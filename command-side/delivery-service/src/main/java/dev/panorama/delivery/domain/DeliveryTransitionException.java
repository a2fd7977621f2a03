package dev.panorama.delivery.domain;

/** A step the delivery's state does not allow, e.g. a pickup before a courier is assigned, or anything after delivery. */
public class DeliveryTransitionException extends RuntimeException {

    public DeliveryTransitionException(DeliveryId deliveryId, DeliveryStatus status, String step) {
        super("delivery " + deliveryId + " is " + status + " and cannot " + step);
    }
}
