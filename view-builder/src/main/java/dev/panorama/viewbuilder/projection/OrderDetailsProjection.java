package dev.panorama.viewbuilder.projection;

import dev.panorama.viewbuilder.event.Values.Address;
import dev.panorama.viewbuilder.projection.DocumentValues.Amount;
import dev.panorama.viewbuilder.projection.DocumentValues.Delivery;
import dev.panorama.viewbuilder.projection.DocumentValues.Line;
import dev.panorama.viewbuilder.state.AggregateState;
import dev.panorama.viewbuilder.state.ConsumerState;
import dev.panorama.viewbuilder.state.DeliveryState;
import dev.panorama.viewbuilder.state.OrderState;
import dev.panorama.viewbuilder.state.RestaurantState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code order-details} (MongoDB): everything about one order, read by id: line items, totals, who and
 * where, and the delivery timeline.
 */
public final class OrderDetailsProjection implements ViewProjection<OrderDetailsProjection.Document> {

    public static final String VIEW = "order-details";

    public record Party(String id, String name) {
    }

    public record Document(String orderId, String status, String statusReason, Party consumer, Party restaurant, List<Line> lineItems,
                           Amount orderTotal, Address deliveryAddress, Instant createdAt, Instant updatedAt, Instant deliverAt,
                           Delivery delivery, Map<String, Long> sourceVersions) implements ViewDocument {

        @Override
        public String id() {
            return orderId;
        }
    }

    @Override
    public String view() {
        return VIEW;
    }

    @Override
    public Set<String> sourceTypes() {
        return Set.of(OrderState.TYPE, ConsumerState.TYPE, RestaurantState.TYPE, DeliveryState.TYPE);
    }

    @Override
    public Set<String> affectedDocuments(AggregateState changed, States states) {
        return OrderHistoryProjection.OrderJoins.affectedOrders(changed, states);
    }

    @Override
    public Optional<Document> render(String orderId, States states) {
        return states.order(orderId).map(order -> {
            SourceVersions versions = new SourceVersions().read(order);
            Optional<ConsumerState> consumer = states.consumer(order.consumerId());
            Optional<RestaurantState> restaurant = states.restaurant(order.restaurantId());
            List<DeliveryState> deliveries = states.deliveriesOfOrder(orderId);
            consumer.ifPresent(versions::read);
            restaurant.ifPresent(versions::read);
            deliveries.forEach(versions::read);
            return new Document(order.id(), order.status().name(), order.statusReason(),
                new Party(order.consumerId(), consumer.map(c -> c.name().fullName()).orElse(null)),
                new Party(order.restaurantId(), restaurant.map(RestaurantState::name).orElse(null)),
                Line.of(order.lineItems()), Amount.of(order.orderTotal()), order.deliveryAddress(), order.createdAt(), order.updatedAt(),
                order.deliverAt(), DocumentValues.latest(deliveries).map(Delivery::of).orElse(null), versions.toMap());
        });
    }
}
