package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.RestaurantId;

/** The order service has no menu for the restaurant: no event of it has arrived yet, or none with a menu. */
public class UnknownRestaurantException extends BusinessRuleViolationException {

    public UnknownRestaurantException(RestaurantId restaurantId) {
        super("restaurant " + restaurantId + " is not known to the order service (no menu received from its events)");
    }
}
