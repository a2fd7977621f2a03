package dev.panorama.outbox.kafka;

import dev.panorama.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The record value: the event envelope as {@code schemas/events/envelope.v1.schema.json} defines it. */
final class EnvelopeJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EnvelopeJson() {
    }

    static byte[] of(OutboxEvent event) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("eventId", event.eventId().toString());
        envelope.put("eventType", event.eventType());
        envelope.put("schemaVersion", event.schemaVersion());
        envelope.put("aggregateType", event.aggregateType());
        envelope.put("aggregateId", event.aggregateId());
        envelope.put("aggregateVersion", event.aggregateVersion());
        envelope.put("occurredAt", occurredAt(event));
        envelope.put("correlationId", event.correlationId());
        if (event.causationId() != null) {
            envelope.put("causationId", event.causationId());
        }
        envelope.set("payload", event.payload());
        return JSON.writeValueAsBytes(envelope);
    }

    /** RFC 3339 in UTC, e.g. {@code 2026-11-08T19:00:00Z}: what {@code Instant} prints. */
    static String occurredAt(OutboxEvent event) {
        return event.occurredAt().toString();
    }
}
