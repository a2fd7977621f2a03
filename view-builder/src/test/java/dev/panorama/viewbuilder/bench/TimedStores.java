package dev.panorama.viewbuilder.bench;

import dev.panorama.views.event.SourceKey;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.StateStore;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Wraps the stores to tell where the runtime's time goes: calls and seconds per operation. */
final class TimedStores {

    private final Map<String, long[]> timings = new TreeMap<>();

    <T> T time(String operation, Supplier<T> call) {
        long begin = System.nanoTime();
        try {
            return call.get();
        } finally {
            long[] timing = timings.computeIfAbsent(operation, key -> new long[2]);
            timing[0]++;
            timing[1] += System.nanoTime() - begin;
        }
    }

    String report(double totalSeconds) {
        return timings.entrySet().stream()
            .map(entry -> String.format("  %-40s %6d calls %7.1f s", entry.getKey(), entry.getValue()[0], entry.getValue()[1] / 1e9))
            .collect(Collectors.joining("\n", "", String.format("%n  (the four views' reads and writes run side by side: together they"
                + " take longer than the %.1f s that passed)", totalSeconds)));
    }

    DocumentStore documents(String view, DocumentStore store) {
        return new DocumentStore() {
            @Override
            public Map<String, Stored> stored(Collection<String> ids) {
                return time(view + " read vectors", () -> store.stored(ids));
            }

            @Override
            public Written write(List<Write> writes) {
                return time(view + " write", () -> store.write(writes));
            }
        };
    }

    StateStore states(StateStore store) {
        return new StateStore() {
            @Override
            public Map<SourceKey, AggregateState> load(Collection<SourceKey> keys) {
                return time("states load", () -> store.load(keys));
            }

            @Override
            public void save(List<StateUpdate> updates) {
                time("states save", () -> {
                    store.save(updates);
                    return null;
                });
            }

            @Override
            public Map<String, List<OrderState>> ordersOfConsumers(Collection<String> consumerIds) {
                return time("states orders of consumers", () -> store.ordersOfConsumers(consumerIds));
            }

            @Override
            public Map<String, List<OrderState>> ordersAtRestaurants(Collection<String> restaurantIds) {
                return time("states orders at restaurants", () -> store.ordersAtRestaurants(restaurantIds));
            }

            @Override
            public Map<String, List<DeliveryState>> deliveriesOfOrders(Collection<String> orderIds) {
                return time("states deliveries of orders", () -> store.deliveriesOfOrders(orderIds));
            }

            @Override
            public Optional<ConsumerState> consumer(String consumerId) {
                return time("states one by one", () -> store.consumer(consumerId));
            }

            @Override
            public Optional<RestaurantState> restaurant(String restaurantId) {
                return time("states one by one", () -> store.restaurant(restaurantId));
            }

            @Override
            public Optional<OrderState> order(String orderId) {
                return time("states one by one", () -> store.order(orderId));
            }

            @Override
            public List<OrderState> ordersOfConsumer(String consumerId) {
                return time("states one by one", () -> store.ordersOfConsumer(consumerId));
            }

            @Override
            public List<OrderState> ordersAtRestaurant(String restaurantId) {
                return time("states one by one", () -> store.ordersAtRestaurant(restaurantId));
            }

            @Override
            public List<DeliveryState> deliveriesOfOrder(String orderId) {
                return time("states one by one", () -> store.deliveriesOfOrder(orderId));
            }
        };
    }
}
