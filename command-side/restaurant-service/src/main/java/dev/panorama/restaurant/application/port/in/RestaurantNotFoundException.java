package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.RestaurantId;

public class RestaurantNotFoundException extends RuntimeException {

    public RestaurantNotFoundException(RestaurantId restaurantId) {
        super("no restaurant " + restaurantId);
    }
}
