package dev.panorama.views.projection;

import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;

import java.util.List;
import java.util.Optional;

/**
 * The replicated aggregate states a projection may read. The runtime backs it with its state store
 * (consistent reads by id and by foreign key); tests and the consistency checker back it with memory.
 */
public interface States {

    Optional<ConsumerState> consumer(String consumerId);

    Optional<RestaurantState> restaurant(String restaurantId);

    Optional<OrderState> order(String orderId);

    List<OrderState> ordersOfConsumer(String consumerId);

    List<OrderState> ordersAtRestaurant(String restaurantId);

    List<DeliveryState> deliveriesOfOrder(String orderId);
}
