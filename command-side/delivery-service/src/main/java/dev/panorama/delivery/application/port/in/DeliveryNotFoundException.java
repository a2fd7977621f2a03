package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.DeliveryId;

public class DeliveryNotFoundException extends RuntimeException {

    public DeliveryNotFoundException(DeliveryId deliveryId) {
        super("no delivery " + deliveryId);
    }
}
