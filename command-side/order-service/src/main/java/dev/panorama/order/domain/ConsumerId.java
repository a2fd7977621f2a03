package dev.panorama.order.domain;

import java.util.Objects;
import java.util.UUID;

/** The consumer who placed an order. */
public record ConsumerId(UUID value) {

    public ConsumerId {
        Objects.requireNonNull(value, "value");
    }

    public static ConsumerId random() {
        return new ConsumerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
