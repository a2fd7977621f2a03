package dev.panorama.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a delivery. Each event is one version of the aggregate: {@code deliveryVersion}
 * is the version the change produced (1 for the schedule, then 2, 3…). Every one names the order too.
 */
public sealed interface DeliveryEvent permits DeliveryScheduled, CourierAssigned, DeliveryPickedUp, DeliveryDelivered {

    UUID eventId();

    Instant occurredAt();

    DeliveryId deliveryId();

    long deliveryVersion();

    OrderId orderId();
}
