package dev.panorama.views.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of an event, without its payload. {@code schemaVersion} is the version the event was
 * written in; the payload a reader sees has been upcast to the current version.
 */
public record EventMetadata(
    UUID eventId,
    String eventType,
    int schemaVersion,
    String aggregateType,
    String aggregateId,
    long aggregateVersion,
    Instant occurredAt,
    String correlationId
) {

    public EventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The source aggregate, as a version-vector key: {@code order:<id>}. */
    public SourceKey source() {
        return new SourceKey(aggregateType, aggregateId);
    }
}
