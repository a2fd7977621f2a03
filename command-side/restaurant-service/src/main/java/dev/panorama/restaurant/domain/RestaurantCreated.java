package dev.panorama.restaurant.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A restaurant joined, with its location, opening hours and menu. */
public record RestaurantCreated(UUID eventId, Instant occurredAt, RestaurantId restaurantId, long restaurantVersion,
                                RestaurantName name, Optional<Cuisine> cuisine, GeoPoint location, Address address,
                                OpeningHours openingHours, Menu menu) implements RestaurantEvent {
}
