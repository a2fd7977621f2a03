package dev.panorama.outbox;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One event as it goes on the wire: the fields of {@code schemas/events/envelope.v1.schema.json}. It
 * validates itself against that contract so that a bad event fails the command that produced it, not
 * the relay long after the commit.
 *
 * @param causationId the command or event that caused this one, or {@code null} when unknown
 * @param payload a JSON object, validated by the payload schema of (eventType, schemaVersion)
 */
public record OutboxEvent(
    UUID eventId,
    String eventType,
    int schemaVersion,
    String aggregateType,
    String aggregateId,
    long aggregateVersion,
    Instant occurredAt,
    String correlationId,
    String causationId,
    JsonNode payload
) {

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z]+\\.[A-Z][A-Za-z0-9]*");
    private static final Pattern AGGREGATE_TYPE = Pattern.compile("[a-z]+");
    private static final int MAX_ID_LENGTH = 128;

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        require(EVENT_TYPE.matcher(Objects.requireNonNull(eventType, "eventType")).matches(),
            "eventType must be <aggregateType>.<PastTenseName>: " + eventType);
        require(AGGREGATE_TYPE.matcher(Objects.requireNonNull(aggregateType, "aggregateType")).matches(),
            "aggregateType must be lower-case letters: " + aggregateType);
        require(eventType.startsWith(aggregateType + "."), "eventType " + eventType + " does not belong to aggregateType " + aggregateType);
        require(schemaVersion >= 1, "schemaVersion must be 1 or more: " + schemaVersion);
        require(aggregateVersion >= 1, "aggregateVersion must be 1 or more: " + aggregateVersion);
        requireId("aggregateId", aggregateId);
        requireId("correlationId", correlationId);
        if (causationId != null) {
            requireId("causationId", causationId);
        }
        require(payload.isObject(), "payload must be a JSON object");
        // PostgreSQL keeps microseconds: truncating here makes the published instant the one the caller holds.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        payload = payload.deepCopy();
    }

    /** A copy: the event stays as it was validated. */
    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }

    private static void requireId(String name, String value) {
        Objects.requireNonNull(value, name);
        require(!value.isEmpty() && value.length() <= MAX_ID_LENGTH, name + " must be 1 to " + MAX_ID_LENGTH + " characters");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
