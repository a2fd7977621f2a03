package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.RestaurantQuery;
import dev.panorama.queryapi.application.Versioned;

import java.util.List;
import java.util.Map;

/** Finds restaurants in the {@code available-restaurants} view, nearest first, each with its {@code distanceKm}. */
public interface AvailableRestaurantsReader {

    Versioned<List<Map<String, Object>>> search(RestaurantQuery query);
}
