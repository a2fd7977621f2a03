package dev.panorama.consumer.domain;

import java.time.Instant;
import java.util.UUID;

/** A consumer moved. */
public record ConsumerAddressChanged(UUID eventId, Instant occurredAt, ConsumerId consumerId, long consumerVersion,
                                     Address address) implements ConsumerEvent {
}
