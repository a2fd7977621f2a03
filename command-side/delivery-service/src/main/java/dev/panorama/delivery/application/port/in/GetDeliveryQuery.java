package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.Address;
import dev.panorama.delivery.domain.Courier;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.delivery.domain.DeliveryStatus;
import dev.panorama.delivery.domain.OrderId;
import dev.panorama.delivery.domain.RestaurantId;

import java.time.Instant;
import java.util.Optional;

/** The delivery as the command side knows it; queries proper belong to the views. */
public interface GetDeliveryQuery {

    /** @throws DeliveryNotFoundException when there is no such delivery */
    DeliverySnapshot get(DeliveryId deliveryId);

    record DeliverySnapshot(DeliveryId deliveryId, OrderId orderId, RestaurantId restaurantId, Address deliveryAddress, Instant readyBy,
                            DeliveryStatus status, Optional<Courier> courier, Optional<Instant> pickedUpAt, Optional<Instant> deliveredAt,
                            long version) {
    }
}
