package dev.panorama.delivery.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a delivery; also the aggregate id and Kafka key of its events. */
public record DeliveryId(UUID value) {

    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
