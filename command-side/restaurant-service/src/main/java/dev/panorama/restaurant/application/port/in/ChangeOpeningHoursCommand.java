package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.OpeningHours;
import dev.panorama.restaurant.domain.RestaurantId;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the restaurant */
public record ChangeOpeningHoursCommand(RestaurantId restaurantId, OpeningHours openingHours, OptionalLong expectedVersion, CorrelationId correlationId) {

    public ChangeOpeningHoursCommand {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(openingHours, "openingHours");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
