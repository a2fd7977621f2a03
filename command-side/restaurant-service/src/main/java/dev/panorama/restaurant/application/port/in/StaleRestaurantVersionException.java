package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.RestaurantId;

/** The client acted on a version of the restaurant that is no longer the current one. */
public class StaleRestaurantVersionException extends RuntimeException {

    public StaleRestaurantVersionException(RestaurantId restaurantId, long expected, long current) {
        super("restaurant " + restaurantId + " is at version " + current + ", not " + expected);
    }
}
