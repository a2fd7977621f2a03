package dev.panorama.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** A courier took the delivery (again, when reassigned before pickup). */
public record CourierAssigned(UUID eventId, Instant occurredAt, DeliveryId deliveryId, long deliveryVersion, OrderId orderId,
                              Courier courier) implements DeliveryEvent {
}
