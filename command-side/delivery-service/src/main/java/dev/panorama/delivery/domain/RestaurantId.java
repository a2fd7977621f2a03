package dev.panorama.delivery.domain;

import java.util.Objects;
import java.util.UUID;

/** The restaurant the courier picks the order up from. */
public record RestaurantId(UUID value) {

    public RestaurantId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
