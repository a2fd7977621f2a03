package dev.panorama.order.domain;

import java.time.Instant;
import java.util.UUID;

/** The order was turned down before approval. */
public record OrderRejected(UUID eventId, Instant occurredAt, OrderId orderId, long orderVersion, Reason reason) implements OrderEvent {
}
