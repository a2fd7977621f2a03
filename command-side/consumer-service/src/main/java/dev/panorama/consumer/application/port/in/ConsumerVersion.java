package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.ConsumerId;

import java.util.Objects;

/** What a successful command answers: the consumer and its version after the command, the client's consistency token. */
public record ConsumerVersion(ConsumerId consumerId, long version) {

    public ConsumerVersion {
        Objects.requireNonNull(consumerId, "consumerId");
    }
}
