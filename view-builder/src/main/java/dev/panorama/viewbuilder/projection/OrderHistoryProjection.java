package dev.panorama.viewbuilder.projection;

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
import java.util.stream.Collectors;

/**
 * {@code order-history} (Elasticsearch): one document per order, pre-joined with the consumer's and the
 * restaurant's names and the delivery status, for keyword search, filters and sorting per consumer.
 */
public final class OrderHistoryProjection implements ViewProjection<OrderHistoryProjection.Document> {

    public static final String VIEW = "order-history";

    public record Document(String orderId, String consumerId, String consumerName, String restaurantId, String restaurantName,
                           String status, String statusReason, List<Line> lineItems, Amount orderTotal, Instant createdAt,
                           Instant updatedAt, Instant deliverAt, String deliveryStatus, String courierName, Instant pickedUpAt,
                           Instant deliveredAt, Map<String, Long> sourceVersions) implements ViewDocument {

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
        return OrderJoins.affectedOrders(changed, states);
    }

    @Override
    public Optional<Document> render(String orderId, States states) {
        return states.order(orderId).map(order -> {
            SourceVersions versions = new SourceVersions().read(order);
            Optional<ConsumerState> consumer = states.consumer(order.consumerId());
            Optional<RestaurantState> restaurant = states.restaurant(order.restaurantId());
            Optional<DeliveryState> delivery = DocumentValues.latest(states.deliveriesOfOrder(orderId));
            consumer.ifPresent(versions::read);
            restaurant.ifPresent(versions::read);
            states.deliveriesOfOrder(orderId).forEach(versions::read);
            Optional<Delivery> summary = delivery.map(Delivery::of);
            return new Document(order.id(), order.consumerId(), consumer.map(c -> c.name().fullName()).orElse(null),
                order.restaurantId(), restaurant.map(RestaurantState::name).orElse(null), order.status().name(), order.statusReason(),
                Line.of(order.lineItems()), Amount.of(order.orderTotal()), order.createdAt(), order.updatedAt(), order.deliverAt(),
                summary.map(Delivery::status).orElse(null), summary.map(Delivery::courierName).orElse(null),
                summary.map(d -> d.at(DeliveryState.Status.PICKED_UP.name())).orElse(null),
                summary.map(d -> d.at(DeliveryState.Status.DELIVERED.name())).orElse(null),
                versions.toMap());
        });
    }

    /** Which orders a changed state reaches, shared by the views keyed by order. */
    static final class OrderJoins {

        private OrderJoins() {
        }

        static Set<String> affectedOrders(AggregateState changed, States states) {
            return switch (changed) {
                case OrderState order -> Set.of(order.id());
                case DeliveryState delivery -> Set.of(delivery.orderId());
                case ConsumerState consumer -> ids(states.ordersOfConsumer(consumer.id()));
                case RestaurantState restaurant -> ids(states.ordersAtRestaurant(restaurant.id()));
            };
        }

        private static Set<String> ids(List<OrderState> orders) {
            return orders.stream().map(OrderState::id).collect(Collectors.toUnmodifiableSet());
        }
    }
}
