package dev.panorama.restaurant.application.port.in;

import dev.panorama.restaurant.domain.Address;
import dev.panorama.restaurant.domain.Cuisine;
import dev.panorama.restaurant.domain.GeoPoint;
import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.OpeningHours;
import dev.panorama.restaurant.domain.RestaurantId;
import dev.panorama.restaurant.domain.RestaurantName;

import java.util.Optional;

/** The restaurant as the command side knows it; queries proper belong to the views. */
public interface GetRestaurantQuery {

    /** @throws RestaurantNotFoundException when there is no such restaurant */
    RestaurantSnapshot get(RestaurantId restaurantId);

    record RestaurantSnapshot(RestaurantId restaurantId, RestaurantName name, Optional<Cuisine> cuisine, GeoPoint location,
                              Address address, OpeningHours openingHours, Menu menu, long version) {
    }
}
