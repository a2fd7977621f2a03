package dev.panorama.views.runtime;

import dev.panorama.views.event.SourceKey;
import dev.panorama.views.projection.States;
import dev.panorama.views.state.AggregateState;

import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a view builder keeps its replicas of the source aggregates. Reads are consistent (a state
 * saved is visible to the next query), which fan-out lookups depend on.
 */
public interface StateStore extends States {

    /** The states of these aggregates that exist, by source key. One round trip. */
    Map<SourceKey, AggregateState> load(Collection<SourceKey> keys);

    /**
     * Saves new states, each only if the stored version is still the one it was folded from.
     *
     * @throws StateConflictException when another writer moved one of them on meanwhile
     */
    void save(List<StateUpdate> updates);

    /**
     * The orders of each of these consumers (an empty list for one without orders). A store that can
     * answer for many keys in one round trip overrides this; the default asks key by key.
     */
    default Map<String, List<OrderState>> ordersOfConsumers(Collection<String> consumerIds) {
        Map<String, List<OrderState>> found = new LinkedHashMap<>();
        consumerIds.forEach(id -> found.put(id, ordersOfConsumer(id)));
        return found;
    }

    /** The orders at each of these restaurants; see {@link #ordersOfConsumers}. */
    default Map<String, List<OrderState>> ordersAtRestaurants(Collection<String> restaurantIds) {
        Map<String, List<OrderState>> found = new LinkedHashMap<>();
        restaurantIds.forEach(id -> found.put(id, ordersAtRestaurant(id)));
        return found;
    }

    /** The deliveries of each of these orders; see {@link #ordersOfConsumers}. */
    default Map<String, List<DeliveryState>> deliveriesOfOrders(Collection<String> orderIds) {
        Map<String, List<DeliveryState>> found = new LinkedHashMap<>();
        orderIds.forEach(id -> found.put(id, deliveriesOfOrder(id)));
        return found;
    }

    /** A state to save, folded from the stored version {@code expectedVersion} (0: there was none). */
    record StateUpdate(AggregateState state, long expectedVersion) {
    }

    final class StateConflictException extends RuntimeException {

        public StateConflictException(String message) {
            super(message);
        }
    }
}
