package dev.panorama.viewbuilder.runtime;

import dev.panorama.viewbuilder.event.SourceKey;
import dev.panorama.viewbuilder.projection.States;
import dev.panorama.viewbuilder.state.AggregateState;
import dev.panorama.viewbuilder.state.ConsumerState;
import dev.panorama.viewbuilder.state.DeliveryState;
import dev.panorama.viewbuilder.state.OrderState;
import dev.panorama.viewbuilder.state.RestaurantState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state store as one render pass sees it: every lookup is made once, and the states the batch just
 * saved are known without asking. Documents of one batch share most of their states (the same
 * consumer, restaurant and orders), so this turns a round trip per document and join into a handful per
 * batch. A new pass (a retry after a lost race) starts with a fresh cache. The store's failures come out
 * as {@link StoreFailure}, anything else the projection throws is its own.
 */
final class CachingStates implements States {

    private final StateStore store;
    private final Map<SourceKey, Optional<? extends AggregateState>> byId = new HashMap<>();
    private final Map<String, List<OrderState>> ordersOfConsumer = new HashMap<>();
    private final Map<String, List<OrderState>> ordersAtRestaurant = new HashMap<>();
    private final Map<String, List<DeliveryState>> deliveriesOfOrder = new HashMap<>();

    CachingStates(StateStore store, Iterable<AggregateState> known) {
        this.store = store;
        known.forEach(state -> byId.put(state.source(), Optional.of(state)));
    }

    @Override
    public Optional<ConsumerState> consumer(String consumerId) {
        return cached(new SourceKey(ConsumerState.TYPE, consumerId), ConsumerState.class, store::consumer);
    }

    @Override
    public Optional<RestaurantState> restaurant(String restaurantId) {
        return cached(new SourceKey(RestaurantState.TYPE, restaurantId), RestaurantState.class, store::restaurant);
    }

    @Override
    public Optional<OrderState> order(String orderId) {
        return cached(new SourceKey(OrderState.TYPE, orderId), OrderState.class, store::order);
    }

    @Override
    public List<OrderState> ordersOfConsumer(String consumerId) {
        return remember(ordersOfConsumer.computeIfAbsent(consumerId, guarded(store::ordersOfConsumer)));
    }

    @Override
    public List<OrderState> ordersAtRestaurant(String restaurantId) {
        return remember(ordersAtRestaurant.computeIfAbsent(restaurantId, guarded(store::ordersAtRestaurant)));
    }

    @Override
    public List<DeliveryState> deliveriesOfOrder(String orderId) {
        return remember(deliveriesOfOrder.computeIfAbsent(orderId, guarded(store::deliveriesOfOrder)));
    }

    private <T extends AggregateState> Optional<T> cached(SourceKey key, Class<T> type, Function<String, Optional<T>> load) {
        return byId.computeIfAbsent(key, k -> guarded(load).apply(k.aggregateId())).map(type::cast);
    }

    /** Marks the store's own failures, so that they are not mistaken for a failure of the projection calling it. */
    private static <R> Function<String, R> guarded(Function<String, R> lookup) {
        return id -> {
            try {
                return lookup.apply(id);
            } catch (RuntimeException e) {
                throw new StoreFailure(e);
            }
        };
    }

    /** States found by a query answer later lookups by id too. */
    private <T extends AggregateState> List<T> remember(List<T> states) {
        states.forEach(state -> byId.putIfAbsent(state.source(), Optional.of(state)));
        return states;
    }
}
