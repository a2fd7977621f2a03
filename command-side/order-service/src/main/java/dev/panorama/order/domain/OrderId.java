package dev.panorama.order.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of an order; also the aggregate id and Kafka key of its events. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
