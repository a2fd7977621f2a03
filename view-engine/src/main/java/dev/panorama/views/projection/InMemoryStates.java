package dev.panorama.viewbuilder.projection;

import dev.panorama.viewbuilder.event.DomainEvent;
import dev.panorama.viewbuilder.state.AggregateState;
import dev.panorama.viewbuilder.state.ConsumerState;
import dev.panorama.viewbuilder.state.DeliveryState;
import dev.panorama.viewbuilder.state.FoldResult;
import dev.panorama.viewbuilder.state.OrderState;
import dev.panorama.viewbuilder.state.RestaurantState;
import dev.panorama.viewbuilder.state.StateFold;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregate states held in memory: the reference fold that tests and the consistency checker compare
 * the live views with. Not for production state, which must survive restarts.
 */
public final class InMemoryStates implements States {

    private final Map<String, AggregateState> states = new LinkedHashMap<>();

    /** Folds one event into its aggregate's state. */
    public FoldResult apply(DomainEvent event) {
        String key = event.metadata().source().toString();
        FoldResult result = StateFold.apply(states.get(key), event);
        if (result instanceof FoldResult.Applied applied) {
            states.put(key, applied.state());
        }
        return result;
    }

    public Collection<AggregateState> all() {
        return List.copyOf(states.values());
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
        return ofType(OrderState.class).stream().filter(order -> order.consumerId().equals(consumerId)).toList();
    }

    @Override
    public List<OrderState> ordersAtRestaurant(String restaurantId) {
        return ofType(OrderState.class).stream().filter(order -> order.restaurantId().equals(restaurantId)).toList();
    }

    @Override
    public List<DeliveryState> deliveriesOfOrder(String orderId) {
        return ofType(DeliveryState.class).stream().filter(delivery -> delivery.orderId().equals(orderId)).toList();
    }

    private <T extends AggregateState> Optional<T> get(String type, String id, Class<T> stateType) {
        return Optional.ofNullable(states.get(type + ":" + id)).map(stateType::cast);
    }

    private <T extends AggregateState> List<T> ofType(Class<T> stateType) {
        return states.values().stream().filter(stateType::isInstance).map(stateType::cast)
            .sorted(Comparator.comparing(AggregateState::id)).toList();
    }
}
