package dev.panorama.order.application.port.out;

import dev.panorama.order.application.port.in.RestaurantUpdate;
import dev.panorama.order.domain.Menu;
import dev.panorama.order.domain.RestaurantId;

import java.util.Optional;

/** The restaurants as the order service knows them from their events: version, name, menu. */
public interface RestaurantReplicas {

    /** The restaurant's menu; empty when the restaurant is unknown or no event with its menu has arrived. */
    Optional<Menu> findMenu(RestaurantId restaurantId);

    /**
     * Applies the update if the replica holds an older version of the restaurant or none, atomically
     * (a conditional write, so two concurrent updates cannot both win).
     *
     * @return whether it was applied
     */
    boolean applyIfNewer(RestaurantUpdate update);
}
