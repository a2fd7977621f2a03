package dev.panorama.order.domain;

import java.time.Instant;
import java.util.UUID;

/** An order's lines changed; the event holds all of them, re-priced from the current menu. */
public record OrderRevised(UUID eventId, Instant occurredAt, OrderId orderId, long orderVersion, LineItems lineItems) implements OrderEvent {

    public Money orderTotal() {
        return lineItems.total();
    }
}
