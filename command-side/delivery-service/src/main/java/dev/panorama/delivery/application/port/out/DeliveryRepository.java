package dev.panorama.delivery.application.port.out;

import dev.panorama.delivery.domain.Delivery;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.delivery.domain.OrderId;

import java.util.Optional;

public interface DeliveryRepository {

    Optional<Delivery> findById(DeliveryId deliveryId);

    /** Whether the order already has a delivery. */
    boolean isOrderScheduled(OrderId orderId);

    /**
     * Stores the delivery's pending change, provided the store still holds {@link Delivery#storedVersion()}.
     *
     * @return the version now stored
     * @throws org.springframework.dao.OptimisticLockingFailureException when another change came first
     */
    long save(Delivery delivery);
}
