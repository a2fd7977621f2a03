package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.RestaurantName;
import dev.panorama.restaurant.domain.RestaurantId;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the restaurant */
public record RenameRestaurantCommand(RestaurantId restaurantId, RestaurantName name, OptionalLong expectedVersion, CorrelationId correlationId) {

    public RenameRestaurantCommand {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
