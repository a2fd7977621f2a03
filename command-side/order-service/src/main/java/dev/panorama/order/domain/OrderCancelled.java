package dev.panorama.order.domain;

import java.time.Instant;
import java.util.UUID;

/** The consumer cancelled the order. */
public record OrderCancelled(UUID eventId, Instant occurredAt, OrderId orderId, long orderVersion, Reason reason) implements OrderEvent {
}
