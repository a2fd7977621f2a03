package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.RestaurantId;

import java.util.Objects;

/** What a successful command answers: the restaurant and its version after the command, the client's consistency token. */
public record RestaurantVersion(RestaurantId restaurantId, long version) {

    public RestaurantVersion {
        Objects.requireNonNull(restaurantId, "restaurantId");
    }
}
