package dev.panorama.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** The order reached the consumer. */
public record DeliveryDelivered(UUID eventId, Instant occurredAt, DeliveryId deliveryId, long deliveryVersion, OrderId orderId,
                                Instant deliveredAt) implements DeliveryEvent {
}
