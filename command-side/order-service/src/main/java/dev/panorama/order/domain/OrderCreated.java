package dev.panorama.order.domain;

import java.time.Instant;
import java.util.UUID;

/** A consumer placed an order; its lines are priced from the restaurant's menu as the order service knew it. */
public record OrderCreated(UUID eventId, Instant occurredAt, OrderId orderId, long orderVersion, ConsumerId consumerId,
                           RestaurantId restaurantId, LineItems lineItems, Address deliveryAddress, Instant deliverAt) implements OrderEvent {

    public Money orderTotal() {
        return lineItems.total();
    }
}
