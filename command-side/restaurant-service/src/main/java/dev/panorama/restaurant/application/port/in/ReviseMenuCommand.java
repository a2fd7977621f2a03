package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.RestaurantId;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the restaurant */
public record ReviseMenuCommand(RestaurantId restaurantId, Menu menu, OptionalLong expectedVersion, CorrelationId correlationId) {

    public ReviseMenuCommand {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
