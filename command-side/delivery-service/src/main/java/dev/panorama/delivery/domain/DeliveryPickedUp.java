package dev.panorama.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** The courier picked the order up at the restaurant. */
public record DeliveryPickedUp(UUID eventId, Instant occurredAt, DeliveryId deliveryId, long deliveryVersion, OrderId orderId,
                               Instant pickedUpAt) implements DeliveryEvent {
}
