package dev.panorama.consumer.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a consumer; also the aggregate id and Kafka key of its events. */
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
