package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.Address;
import dev.panorama.order.domain.ConsumerId;
import dev.panorama.order.domain.LineItems;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.OrderStatus;
import dev.panorama.order.domain.Reason;
import dev.panorama.order.domain.RestaurantId;

import java.time.Instant;
import java.util.Optional;

/** The order as the command side knows it; queries proper belong to the views. */
public interface GetOrderQuery {

    /** @throws OrderNotFoundException when there is no such order */
    OrderSnapshot get(OrderId orderId);

    /** @param reason why it was rejected or cancelled; empty otherwise */
    record OrderSnapshot(OrderId orderId, ConsumerId consumerId, RestaurantId restaurantId, LineItems lineItems, Address deliveryAddress,
                         Instant deliverAt, OrderStatus status, Optional<Reason> reason, long version) {
    }
}
