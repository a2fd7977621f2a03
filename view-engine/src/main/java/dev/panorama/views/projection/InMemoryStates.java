package dev.panorama.views.projection;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.FoldResult;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;
import dev.panorama.views.state.StateFold;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate states held in memory and indexed by foreign key: the fold the rebuild tool and the
 * consistency checker render views from, and the reference the tests compare live views with. Lookups
 * by foreign key answer in id order, as the state store does. Not for the live builder's states, which
 * must survive restarts.
 */
public final class InMemoryStates implements States {

    private final Map<String, AggregateState> states = new LinkedHashMap<>();
    // Indexes by foreign key, unsorted: a fold writes them once per event, a lookup sorts its few entries.
    private final Map<String, Map<String, OrderState>> ordersOfConsumer = new HashMap<>();
    private final Map<String, Map<String, OrderState>> ordersAtRestaurant = new HashMap<>();
    private final Map<String, Map<String, DeliveryState>> deliveriesOfOrder = new HashMap<>();

    /** Folds one event into its aggregate's state. */
    public FoldResult apply(DomainEvent event) {
        String key = event.metadata().source().toString();
        AggregateState before = states.get(key);
        FoldResult result = StateFold.apply(before, event);
        if (result instanceof FoldResult.Applied applied) {
            put(key, before, applied.state());
        }
        return result;
    }

    /** Sets a state outright, as a snapshot gives it; a state older than the one held is ignored. */
    public void put(AggregateState state) {
        String key = state.source().toString();
        AggregateState before = states.get(key);
        if (before != null && before.version() >= state.version()) {
            return;
        }
        put(key, before, state);
    }

    /** Holds {@code state} under {@code key} in place of {@code before}, and indexes it by its foreign keys. */
    private void put(String key, AggregateState before, AggregateState state) {
        states.put(key, state);
        switch (state) {
            case OrderState order -> {
                if (before instanceof OrderState old) {
                    moved(ordersOfConsumer, old.consumerId(), order.consumerId(), old.id());
                    moved(ordersAtRestaurant, old.restaurantId(), order.restaurantId(), old.id());
                }
                ordersOfConsumer.computeIfAbsent(order.consumerId(), id -> new HashMap<>()).put(order.id(), order);
                ordersAtRestaurant.computeIfAbsent(order.restaurantId(), id -> new HashMap<>()).put(order.id(), order);
            }
            case DeliveryState delivery -> {
                if (before instanceof DeliveryState old) {
                    moved(deliveriesOfOrder, old.orderId(), delivery.orderId(), old.id());
                }
                deliveriesOfOrder.computeIfAbsent(delivery.orderId(), id -> new HashMap<>()).put(delivery.id(), delivery);
            }
            case ConsumerState ignored -> { }
            case RestaurantState ignored -> { }
        }
    }

    /** Takes a state out of the index entry of its old foreign key when the key changed (else the put replaces it in place). */
    private static void moved(Map<String, ? extends Map<String, ?>> index, String oldKey, String newKey, String id) {
        if (!oldKey.equals(newKey)) {
            index.get(oldKey).remove(id);
        }
    }

    public Collection<AggregateState> all() {
        return List.copyOf(states.values());
    }

    /** The ids of the aggregates of one type held here. */
    public Set<String> ids(String aggregateType) {
        Set<String> ids = new HashSet<>();
        for (AggregateState state : states.values()) {
            if (state.aggregateType().equals(aggregateType)) {
                ids.add(state.id());
            }
        }
        return ids;
    }

    /** The version held of a source written {@code <aggregateType>:<aggregateId>}, 0 when none. */
    public long version(String sourceKey) {
        AggregateState state = states.get(sourceKey);
        return state == null ? 0 : state.version();
    }

    public int size() {
        return states.size();
    }

    @Override
    public Optional<ConsumerState> consumer(String consumerId) {
        return get(ConsumerState.TYPE, consumerId, ConsumerState.class);
    }

    @Override
    public Optional<RestaurantState> restaurant(String restaurantId) {
        return get(RestaurantState.TYPE, restaurantId, RestaurantState.class);
    }

    @Override
    public Optional<OrderState> order(String orderId) {
        return get(OrderState.TYPE, orderId, OrderState.class);
    }

    @Override
    public List<OrderState> ordersOfConsumer(String consumerId) {
        return byId(ordersOfConsumer.get(consumerId));
    }

    @Override
    public List<OrderState> ordersAtRestaurant(String restaurantId) {
        return byId(ordersAtRestaurant.get(restaurantId));
    }

    @Override
    public List<DeliveryState> deliveriesOfOrder(String orderId) {
        return byId(deliveriesOfOrder.get(orderId));
    }

    private static <T extends AggregateState> List<T> byId(Map<String, T> indexed) {
        return indexed == null ? List.of() : indexed.values().stream().sorted(Comparator.comparing(AggregateState::id)).toList();
    }

    private <T extends AggregateState> Optional<T> get(String type, String id, Class<T> stateType) {
        return Optional.ofNullable(states.get(type + ":" + id)).map(stateType::cast);
    }
}
