package dev.panorama.restaurant.application.port.out;

import dev.panorama.restaurant.domain.Restaurant;
import dev.panorama.restaurant.domain.RestaurantId;

import java.util.Optional;

public interface RestaurantRepository {

    Optional<Restaurant> findById(RestaurantId restaurantId);

    /**
     * Stores the restaurant's pending change, provided the store still holds {@link Restaurant#storedVersion()}.
     *
     * @return the version now stored
     * @throws org.springframework.dao.OptimisticLockingFailureException when another change came first
     */
    long save(Restaurant restaurant);
}
