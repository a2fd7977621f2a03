package dev.panorama.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** A delivery was planned for an approved order. */
public record DeliveryScheduled(UUID eventId, Instant occurredAt, DeliveryId deliveryId, long deliveryVersion, OrderId orderId,
                                RestaurantId restaurantId, Address deliveryAddress, Instant readyBy) implements DeliveryEvent {
}
