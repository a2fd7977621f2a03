package dev.panorama.delivery.domain;

import java.util.Objects;
import java.util.UUID;

/** The order a delivery takes to its consumer; one delivery per order. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
