package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.DeliveryId;

/** The client acted on a version of the delivery that is no longer the current one. */
public class StaleDeliveryVersionException extends RuntimeException {

    public StaleDeliveryVersionException(DeliveryId deliveryId, long expected, long current) {
        super("delivery " + deliveryId + " is at version " + current + ", not " + expected);
    }
}
