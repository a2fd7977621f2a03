package dev.panorama.restaurant.domain;

import java.time.Instant;
import java.util.UUID;

/** A restaurant replaced its opening hours; the event holds all of them. */
public record RestaurantOpeningHoursChanged(UUID eventId, Instant occurredAt, RestaurantId restaurantId, long restaurantVersion,
                                            OpeningHours openingHours) implements RestaurantEvent {
}
