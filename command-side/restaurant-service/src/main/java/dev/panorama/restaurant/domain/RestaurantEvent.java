package dev.panorama.restaurant.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a restaurant. Each event is one version of the aggregate: {@code restaurantVersion}
 * is the version the change produced (1 for the creation, then 2, 3…).
 */
public sealed interface RestaurantEvent permits RestaurantCreated, RestaurantRenamed, RestaurantMenuRevised, RestaurantOpeningHoursChanged {

    UUID eventId();

    Instant occurredAt();

    RestaurantId restaurantId();

    long restaurantVersion();
}
