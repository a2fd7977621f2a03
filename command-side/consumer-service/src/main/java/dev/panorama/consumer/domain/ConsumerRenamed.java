package dev.panorama.consumer.domain;

import java.time.Instant;
import java.util.UUID;

/** A consumer changed their name. */
public record ConsumerRenamed(UUID eventId, Instant occurredAt, ConsumerId consumerId, long consumerVersion,
                              PersonName name) implements ConsumerEvent {
}
