package dev.panorama.views.runtime;

import dev.panorama.views.event.SourceKey;
import dev.panorama.views.projection.States;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state store as one pass over a batch sees it, answering many projection calls with a few bulk
 * queries. Projection code asks for one state or one foreign key at a time; {@link #resolve} runs it
 * for every document of the batch, and whatever was not known yet is answered provisionally (empty)
 * and noted. The noted lookups are then fetched at once, one query per kind, and the documents whose
 * run was provisional run again, until a run needs nothing new: a join three levels deep costs three
 * round trips per batch instead of one per document and join. Only answers from a run that needed
 * nothing new are kept, so provisional answers never reach a view.
 *
 * <p>The states the batch just saved are known without asking. A new pass (a retry after a lost race)
 * starts with a fresh cache. The store's failures come out as {@link StoreFailure}; anything else the
 * projection throws in a complete run is its own.
 */
final class CachingStates implements States {

    private final StateStore store;
    private final Map<SourceKey, Optional<? extends AggregateState>> byId = new HashMap<>();
    private final Map<String, List<OrderState>> ordersOfConsumer = new HashMap<>();
    private final Map<String, List<OrderState>> ordersAtRestaurant = new HashMap<>();
    private final Map<String, List<DeliveryState>> deliveriesOfOrder = new HashMap<>();

    private final Set<SourceKey> wantedIds = new LinkedHashSet<>();
    private final Set<String> wantedOrdersOfConsumer = new LinkedHashSet<>();
    private final Set<String> wantedOrdersAtRestaurant = new LinkedHashSet<>();
    private final Set<String> wantedDeliveriesOfOrder = new LinkedHashSet<>();
    private long misses;

    CachingStates(StateStore store, Iterable<AggregateState> known) {
        this.store = store;
        known.forEach(state -> byId.put(state.source(), Optional.of(state)));
    }

    /**
     * Runs {@code code} for every key against complete answers, fetching what the runs ask for in bulk
     * between rounds. A run that throws while it was given provisional answers runs again once they are real.
     */
    <K, R> Map<K, R> resolve(Collection<K> keys, Function<K, R> code) {
        Map<K, R> results = new LinkedHashMap<>();
        List<K> todo = new ArrayList<>(keys);
        while (!todo.isEmpty()) {
            List<K> incomplete = new ArrayList<>();
            for (K key : todo) {
                long before = misses;
                try {
                    R result = code.apply(key);
                    if (misses == before) {
                        results.put(key, result);
                    } else {
                        incomplete.add(key);
                    }
                } catch (StoreFailure e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (misses == before) {
                        throw e;
                    }
                    incomplete.add(key);
                }
            }
            fetchWanted();
            todo = incomplete;
        }
        return results;
    }

    @Override
    public Optional<ConsumerState> consumer(String consumerId) {
        return byId(new SourceKey(ConsumerState.TYPE, consumerId), ConsumerState.class);
    }

    @Override
    public Optional<RestaurantState> restaurant(String restaurantId) {
        return byId(new SourceKey(RestaurantState.TYPE, restaurantId), RestaurantState.class);
    }

    @Override
    public Optional<OrderState> order(String orderId) {
        return byId(new SourceKey(OrderState.TYPE, orderId), OrderState.class);
    }

    @Override
    public List<OrderState> ordersOfConsumer(String consumerId) {
        return byForeignKey(ordersOfConsumer, wantedOrdersOfConsumer, consumerId);
    }

    @Override
    public List<OrderState> ordersAtRestaurant(String restaurantId) {
        return byForeignKey(ordersAtRestaurant, wantedOrdersAtRestaurant, restaurantId);
    }

    @Override
    public List<DeliveryState> deliveriesOfOrder(String orderId) {
        return byForeignKey(deliveriesOfOrder, wantedDeliveriesOfOrder, orderId);
    }

    private <T extends AggregateState> Optional<T> byId(SourceKey key, Class<T> type) {
        Optional<? extends AggregateState> known = byId.get(key);
        if (known == null) {
            wantedIds.add(key);
            misses++;
            return Optional.empty();
        }
        return known.map(type::cast);
    }

    private <T> List<T> byForeignKey(Map<String, List<T>> cache, Set<String> wanted, String key) {
        List<T> known = cache.get(key);
        if (known == null) {
            wanted.add(key);
            misses++;
            return List.of();
        }
        return known;
    }

    /** One bulk query per kind of lookup the last round asked for and did not find in the cache. */
    private void fetchWanted() {
        if (!wantedIds.isEmpty()) {
            Map<SourceKey, AggregateState> found = guarded(() -> store.load(List.copyOf(wantedIds)));
            wantedIds.forEach(key -> byId.put(key, Optional.ofNullable(found.get(key))));
            wantedIds.clear();
        }
        fetch(wantedOrdersOfConsumer, ordersOfConsumer, store::ordersOfConsumers);
        fetch(wantedOrdersAtRestaurant, ordersAtRestaurant, store::ordersAtRestaurants);
        fetch(wantedDeliveriesOfOrder, deliveriesOfOrder, store::deliveriesOfOrders);
    }

    private <T extends AggregateState> void fetch(Set<String> wanted, Map<String, List<T>> cache,
                                                  Function<Collection<String>, Map<String, List<T>>> query) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, List<T>> found = guarded(() -> query.apply(List.copyOf(wanted)));
        for (String key : wanted) {
            List<T> states = List.copyOf(found.getOrDefault(key, List.of()));
            cache.put(key, states);
            // States found by a query answer later lookups by id too.
            states.forEach(state -> byId.putIfAbsent(state.source(), Optional.of(state)));
        }
        wanted.clear();
    }

    /** Marks the store's own failures, so that they are not mistaken for a failure of the projection calling it. */
    private static <R> R guarded(Supplier<R> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            throw new StoreFailure(e);
        }
    }
}
