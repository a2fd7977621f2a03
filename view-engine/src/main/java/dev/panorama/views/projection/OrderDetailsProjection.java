package dev.panorama.views.projection;

import dev.panorama.views.event.SourceKey;
import dev.panorama.views.event.Values.Address;
import dev.panorama.views.projection.DocumentValues.Amount;
import dev.panorama.views.projection.DocumentValues.Delivery;
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
            return new Document(order.id(), order.status().name(), order.statusReason(), new Party(order.consumerId(), join.consumerName()),
                new Party(order.restaurantId(), join.restaurantName()), Line.of(order.lineItems()), Amount.of(order.orderTotal()),
                order.deliveryAddress(), order.createdAt(), order.updatedAt(), order.deliverAt(), join.latestDelivery().orElse(null),
                join.sourceVersions());
        });
    }
}
