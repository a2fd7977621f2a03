package dev.panorama.order.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an order. Each event is one version of the aggregate: {@code orderVersion} is
 * the version the change produced (1 for the creation, then 2, 3…).
 */
public sealed interface OrderEvent permits OrderCreated, OrderRevised, OrderApproved, OrderRejected, OrderCancelled {

    UUID eventId();

    Instant occurredAt();

    OrderId orderId();

    long orderVersion();
}
