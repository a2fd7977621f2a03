package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.DeliveryId;

import java.util.Objects;

/** What a successful command answers: the delivery and its version after the command, the client's consistency token. */
public record DeliveryVersion(DeliveryId deliveryId, long version) {

    public DeliveryVersion {
        Objects.requireNonNull(deliveryId, "deliveryId");
    }
}
