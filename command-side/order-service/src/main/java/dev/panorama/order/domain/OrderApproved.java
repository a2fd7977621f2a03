package dev.panorama.order.domain;

import java.time.Instant;
import java.util.UUID;

/** The order was accepted and will be prepared. */
public record OrderApproved(UUID eventId, Instant occurredAt, OrderId orderId, long orderVersion) implements OrderEvent {
}
