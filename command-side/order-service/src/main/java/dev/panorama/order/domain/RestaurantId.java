package dev.panorama.order.domain;

import java.util.Objects;
import java.util.UUID;

/** The restaurant an order is placed with; also the key of its events on the restaurant topic. */
public record RestaurantId(UUID value) {

    public RestaurantId {
        Objects.requireNonNull(value, "value");
    }

    public static RestaurantId random() {
        return new RestaurantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
