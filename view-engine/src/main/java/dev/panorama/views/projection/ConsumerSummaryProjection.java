package dev.panorama.views.projection;

import dev.panorama.views.event.Values.Money;
import dev.panorama.views.projection.DocumentValues.Amount;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code consumer-summary} (MongoDB): per consumer, how many orders were placed, approved, rejected,
 * cancelled and delivered, and the total of the orders that stand, per currency. The figures are
 * recomputed from the consumer's order and delivery states on every change, never incremented, so a
 * redelivered event cannot count twice.
 */
public final class ConsumerSummaryProjection implements ViewProjection<ConsumerSummaryProjection.Document> {

    public static final String VIEW = "consumer-summary";

    public record Document(String consumerId, String name, int ordersPlaced, int ordersApproved, int ordersRejected,
                           int ordersCancelled, int ordersDelivered, List<Amount> totalSpent, Instant lastOrderAt,
                           Map<String, Long> sourceVersions) implements ViewDocument {

        @Override
        public String id() {
            return consumerId;
        }
    }

    @Override
    public String view() {
        return VIEW;
    }

    @Override
    public Set<String> sourceTypes() {
        return Set.of(ConsumerState.TYPE, OrderState.TYPE, DeliveryState.TYPE);
    }

    @Override
    public Set<String> affectedDocuments(AggregateState changed, States states) {
        return switch (changed) {
            case ConsumerState consumer -> Set.of(consumer.id());
            case OrderState order -> Set.of(order.consumerId());
            case DeliveryState delivery -> states.order(delivery.orderId()).map(order -> Set.of(order.consumerId())).orElse(Set.of());
            case RestaurantState ignored -> Set.of();
        };
    }

    /** One document per consumer known or named by an order: a summary renders from either. */
    @Override
    public Set<String> documentIds(InMemoryStates states) {
        Set<String> ids = states.ids(ConsumerState.TYPE);
        for (AggregateState state : states.all()) {
            if (state instanceof OrderState order) {
                ids.add(order.consumerId());
            }
        }
        return ids;
    }

    @Override
    public Optional<Document> render(String consumerId, States states) {
        Optional<ConsumerState> consumer = states.consumer(consumerId);
        List<OrderState> orders = states.ordersOfConsumer(consumerId);
        if (consumer.isEmpty() && orders.isEmpty()) {
            return Optional.empty();
        }
        SourceVersions versions = new SourceVersions();
        consumer.ifPresent(versions::read);
        int delivered = 0;
        Map<String, Money> totals = new TreeMap<>();
        for (OrderState order : orders) {
            versions.read(order);
            List<DeliveryState> deliveries = states.deliveriesOfOrder(order.id());
            deliveries.forEach(versions::read);
            if (deliveries.stream().anyMatch(DeliveryState::delivered)) {
                delivered++;
            }
            if (order.standing()) {
                totals.merge(order.orderTotal().currency(), order.orderTotal(), Money::add);
            }
        }
        return Optional.of(new Document(consumerId, consumer.map(c -> c.name().fullName()).orElse(null), orders.size(),
            count(orders, OrderState.Status.APPROVED), count(orders, OrderState.Status.REJECTED), count(orders, OrderState.Status.CANCELLED),
            delivered, totals.values().stream().map(Amount::of).toList(),
            orders.stream().map(OrderState::createdAt).max(Comparator.naturalOrder()).orElse(null), versions.toMap()));
    }

    private static int count(List<OrderState> orders, OrderState.Status status) {
        return (int) orders.stream().filter(order -> order.status() == status).count();
    }
}
