package dev.panorama.delivery.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Values for tests: the golden examples' delivery. */
public final class DeliveryFixtures {

    public static final DeliveryId DELIVERY = new DeliveryId(UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
    public static final OrderId ORDER = new OrderId(UUID.fromString("b3e4f5a6-7c8d-4e9f-a0b1-c2d3e4f5a6b7"));
    public static final RestaurantId RESTAURANT = new RestaurantId(UUID.fromString("8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22"));
    public static final Instant READY_BY = Instant.parse("2026-11-08T19:30:00Z");
    public static final Instant NOW = Instant.parse("2026-11-08T19:03:30Z");

    private DeliveryFixtures() {
    }

    public static Address mainStreet() {
        return new Address("1 Main Street", null, "Oakland", "94612", "US");
    }

    public static Courier grace() {
        return new Courier("courier-17", "Grace Hopper");
    }

    public static Courier alan() {
        return new Courier("courier-42", "Alan Turing");
    }

    public static Delivery scheduled(long version) {
        return Delivery.restore(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY, DeliveryStatus.SCHEDULED, null, null, null,
            timelineTo(DeliveryStatus.SCHEDULED), version);
    }

    public static Delivery assigned(long version) {
        return Delivery.restore(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY, DeliveryStatus.COURIER_ASSIGNED, grace(), null, null,
            timelineTo(DeliveryStatus.COURIER_ASSIGNED), version);
    }

    public static Delivery pickedUp(long version) {
        return Delivery.restore(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY, DeliveryStatus.PICKED_UP, grace(), NOW, null,
            timelineTo(DeliveryStatus.PICKED_UP), version);
    }

    public static Delivery delivered(long version) {
        return Delivery.restore(DELIVERY, ORDER, RESTAURANT, mainStreet(), READY_BY, DeliveryStatus.DELIVERED, grace(), NOW, NOW,
            timelineTo(DeliveryStatus.DELIVERED), version);
    }

    /** One milestone per status from SCHEDULED to {@code status}, all at {@link #NOW}. */
    public static List<Milestone> timelineTo(DeliveryStatus status) {
        return Arrays.stream(DeliveryStatus.values()).filter(step -> step.compareTo(status) <= 0).map(step -> new Milestone(step, NOW)).toList();
    }
}
