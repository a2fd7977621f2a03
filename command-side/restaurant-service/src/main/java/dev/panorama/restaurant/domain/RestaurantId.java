package dev.panorama.restaurant.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a restaurant; also the aggregate id and Kafka key of its events. */
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
