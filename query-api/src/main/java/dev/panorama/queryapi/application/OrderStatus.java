package dev.panorama.queryapi.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The order statuses the views hold (the order-details validator lists the same). */
public enum OrderStatus {
    APPROVAL_PENDING, APPROVED, REJECTED, CANCELLED;

    public static Optional<OrderStatus> byName(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
