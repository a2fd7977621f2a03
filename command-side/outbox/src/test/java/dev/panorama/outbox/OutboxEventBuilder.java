package dev.panorama.outbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** Valid events by default; each test states only what matters to it. */
public final class OutboxEventBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UUID eventId = UUID.randomUUID();
    private String aggregateType = "order";
    private String aggregateId = UUID.randomUUID().toString();
    private String eventType;
    private int schemaVersion = 1;
    private long aggregateVersion = 1;
    private Instant occurredAt = Instant.parse("2026-11-08T19:00:00.123456Z");
    private String correlationId = UUID.randomUUID().toString();
    private String causationId;
    private JsonNode payload;

    private OutboxEventBuilder() {
    }

    public static OutboxEventBuilder anEvent() {
        return new OutboxEventBuilder();
    }

    /** Version {@code version} of the order aggregate {@code orderId}. */
    public static OutboxEvent orderEvent(String orderId, long version) {
        return anEvent().aggregate("order", orderId).version(version).build();
    }

    public OutboxEventBuilder aggregate(String type, String id) {
        this.aggregateType = type;
        this.aggregateId = id;
        return this;
    }

    public OutboxEventBuilder version(long aggregateVersion) {
        this.aggregateVersion = aggregateVersion;
        return this;
    }

    public OutboxEventBuilder eventType(String eventType) {
        this.eventType = eventType;
        return this;
    }

    public OutboxEventBuilder schemaVersion(int schemaVersion) {
        this.schemaVersion = schemaVersion;
        return this;
    }

    public OutboxEventBuilder occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public OutboxEventBuilder causationId(String causationId) {
        this.causationId = causationId;
        return this;
    }

    public OutboxEventBuilder aggregateId(String aggregateId) {
        this.aggregateId = aggregateId;
        return this;
    }

    public OutboxEventBuilder payload(JsonNode payload) {
        this.payload = payload;
        return this;
    }

    public OutboxEvent build() {
        String type = eventType != null ? eventType : aggregateType + ".Revised";
        // An int, as JSON parsing makes it: Jackson's nodes for 1 as int and 1 as long are not equal.
        JsonNode body = payload != null ? payload
            : JSON.createObjectNode().put(aggregateType + "Id", aggregateId).put("revision", (int) aggregateVersion);
        return new OutboxEvent(eventId, type, schemaVersion, aggregateType, aggregateId, aggregateVersion,
            occurredAt, correlationId, causationId, body);
    }
}
