package dev.panorama.restaurant.domain;

import java.time.Instant;
import java.util.UUID;

/** A restaurant changed its name. */
public record RestaurantRenamed(UUID eventId, Instant occurredAt, RestaurantId restaurantId, long restaurantVersion,
                                RestaurantName name) implements RestaurantEvent {
}
