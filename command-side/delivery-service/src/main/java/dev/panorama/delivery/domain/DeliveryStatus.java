package dev.panorama.delivery.domain;

/** Where a delivery is: SCHEDULED → COURIER_ASSIGNED → PICKED_UP → DELIVERED, never backwards. */
public enum DeliveryStatus {
    SCHEDULED,
    COURIER_ASSIGNED,
    PICKED_UP,
    DELIVERED
}
