package dev.panorama.restaurant.domain;

import java.time.Instant;
import java.util.UUID;

/** A restaurant replaced its menu; the event holds the whole new menu. */
public record RestaurantMenuRevised(UUID eventId, Instant occurredAt, RestaurantId restaurantId, long restaurantVersion,
                                    Menu menu) implements RestaurantEvent {
}
