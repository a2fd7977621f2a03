package dev.panorama.consumer.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a consumer. Each event is one version of the aggregate: {@code consumerVersion}
 * is the version the change produced (1 for the registration, then 2, 3…).
 */
public sealed interface ConsumerEvent permits ConsumerRegistered, ConsumerRenamed, ConsumerAddressChanged {

    UUID eventId();

    Instant occurredAt();

    ConsumerId consumerId();

    long consumerVersion();
}
