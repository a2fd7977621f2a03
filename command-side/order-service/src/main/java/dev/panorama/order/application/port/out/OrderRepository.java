package dev.panorama.order.application.port.out;

import dev.panorama.order.domain.Order;
import dev.panorama.order.domain.OrderId;

import java.util.Optional;

public interface OrderRepository {

    Optional<Order> findById(OrderId orderId);

    /**
     * Stores the order's pending change, provided the store still holds {@link Order#storedVersion()}.
     *
     * @return the version now stored
     * @throws org.springframework.dao.OptimisticLockingFailureException when another change came first
     */
    long save(Order order);
}
