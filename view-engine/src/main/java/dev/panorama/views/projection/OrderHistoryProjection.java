package dev.panorama.views.projection;

import dev.panorama.views.event.SourceKey;
import dev.panorama.views.projection.DocumentValues.Amount;
import dev.panorama.views.projection.DocumentValues.Delivery;
import dev.panorama.views.event.Values.LineItem;
import dev.panorama.views.projection.DocumentValues.Line;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code order-history} (Elasticsearch): one document per order, pre-joined with the consumer's and the
 * restaurant's names and the delivery status, for keyword search, filters and sorting per consumer.
 *
 * <p>Version 2 adds {@code itemCount} (the number of items ordered, all lines together) and maps the
 * order total as a number, so that totals can be filtered by range and sorted; version 1 documents do
 * not carry {@code itemCount}.
 */
public final class OrderHistoryProjection implements ViewProjection<OrderHistoryProjection.Document> {

    public static final String VIEW = "order-history";

    public record Document(String orderId, String consumerId, String consumerName, String restaurantId, String restaurantName,
                           String status, String statusReason, List<Line> lineItems, Amount orderTotal, Instant createdAt,
                           Instant updatedAt, Instant deliverAt, String deliveryStatus, String courierName, Instant pickedUpAt,
                           Instant deliveredAt, Integer itemCount, Map<String, Long> sourceVersions) implements ViewDocument {

        @Override
        public String id() {
            return orderId;
        }
    }

    private final int version;

    /** Version 1. */
    public OrderHistoryProjection() {
        this(1);
    }

    private OrderHistoryProjection(int version) {
        this.version = version;
    }

    /** Version 2: with {@code itemCount}. */
    public static OrderHistoryProjection v2() {
        return new OrderHistoryProjection(2);
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
        return OrderJoin.affectedOrders(changed, states);
    }

    /** One document per order known: every order renders, whatever else is known yet. */
    @Override
    public Set<String> documentIds(InMemoryStates states) {
        return states.ids(OrderState.TYPE);
    }

    /** A document stands for one order. */
    @Override
    public Optional<SourceKey> root(String documentId) {
        return Optional.of(new SourceKey(OrderState.TYPE, documentId));
    }

    @Override
    public Optional<Document> render(String orderId, States states) {
        return OrderJoin.of(orderId, states).map(join -> {
            OrderState order = join.order();
            Optional<Delivery> delivery = join.latestDelivery();
            return new Document(order.id(), order.consumerId(), join.consumerName(), order.restaurantId(), join.restaurantName(),
                order.status().name(), order.statusReason(), Line.of(order.lineItems()), Amount.of(order.orderTotal()), order.createdAt(),
                order.updatedAt(), order.deliverAt(), delivery.map(Delivery::status).orElse(null),
                delivery.map(Delivery::courierName).orElse(null), delivery.map(d -> d.at(DeliveryState.Status.PICKED_UP.name())).orElse(null),
                delivery.map(d -> d.at(DeliveryState.Status.DELIVERED.name())).orElse(null),
                version >= 2 ? order.lineItems().stream().mapToInt(LineItem::quantity).sum() : null, join.sourceVersions());
        });
    }
}
