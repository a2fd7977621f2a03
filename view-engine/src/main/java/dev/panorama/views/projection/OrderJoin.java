package dev.panorama.views.projection;

import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An order joined with the states the order views show beside it: its consumer and restaurant (when
 * known yet) and its deliveries, with the version vector of everything read. Shared by the views keyed
 * by order id, together with the fan-out that reaches them.
 */
record OrderJoin(OrderState order, Optional<ConsumerState> consumer, Optional<RestaurantState> restaurant,
                 List<DeliveryState> deliveries, Map<String, Long> sourceVersions) {

    static Optional<OrderJoin> of(String orderId, States states) {
        return states.order(orderId).map(order -> {
            Optional<ConsumerState> consumer = states.consumer(order.consumerId());
            Optional<RestaurantState> restaurant = states.restaurant(order.restaurantId());
            List<DeliveryState> deliveries = states.deliveriesOfOrder(orderId);
            SourceVersions versions = new SourceVersions().read(order);
            consumer.ifPresent(versions::read);
            restaurant.ifPresent(versions::read);
            deliveries.forEach(versions::read);
            return new OrderJoin(order, consumer, restaurant, deliveries, versions.toMap());
        });
    }

    String consumerName() {
        return consumer.map(c -> c.name().fullName()).orElse(null);
    }

    String restaurantName() {
        return restaurant.map(RestaurantState::name).orElse(null);
    }

    Optional<DocumentValues.Delivery> latestDelivery() {
        return DocumentValues.latest(deliveries).map(DocumentValues.Delivery::of);
    }

    /** Which orders a changed state reaches. */
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
