package dev.panorama.consumer.domain;

import java.time.Instant;
import java.util.UUID;

/** A consumer signed up. */
public record ConsumerRegistered(UUID eventId, Instant occurredAt, ConsumerId consumerId, long consumerVersion,
                                 PersonName name, Email email, Address address) implements ConsumerEvent {
}
