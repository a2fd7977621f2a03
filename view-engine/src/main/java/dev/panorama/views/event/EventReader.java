package dev.panorama.views.event;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.panorama.views.event.ReadResult.Accepted;
import dev.panorama.views.event.ReadResult.Rejected;
import dev.panorama.views.event.ReadResult.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The single way events enter the view builder: parse, validate the envelope and the payload against
 * the published schema of their version, upcast to the current version, map to a record. Anything that
 * fails is a {@link Rejected} with a reason that says what and where, never an exception.
 */
public final class EventReader {

    private static final int MAX_PROBLEMS_REPORTED = 5;

    private final ObjectMapper json = JsonMapper.builder().build();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final EventCatalog catalog = EventCatalog.load(json);
    private final Schema envelope = schema("envelope.v1.schema.json");
    private final Map<String, Schema> payloadSchemas = new ConcurrentHashMap<>();

    public EventCatalog catalog() {
        return catalog;
    }

    public ReadResult read(byte[] record) {
        JsonNode event;
        try {
            event = json.readTree(record);
        } catch (JacksonException e) {
            return new Rejected(Rejection.NOT_JSON, e.getOriginalMessage() + " in " + preview(record), null);
        }
        return read(event);
    }

    public ReadResult read(JsonNode event) {
        return read(event, true);
    }

    /**
     * Reads a record that an {@code EventReader} accepted before and that cannot have changed since — an archived
     * record, accepted when it was archived and guarded by its segment's checksum — without validating it against
     * the schemas again (the costliest step; a published schema never changes, so the answer would be the same).
     * Every other step is taken as in {@link #read(byte[])}; a record that turns out not to be what it was said to
     * be is read in full instead. Never for records from outside.
     */
    public ReadResult readAccepted(byte[] record) {
        try {
            if (acceptedEnvelope(record) instanceof Accepted accepted) {
                return accepted;
            }
        } catch (RuntimeException e) {
            // Not what it was said to be: the full read below says why.
        }
        return read(record);
    }

    /**
     * The envelope of an accepted record read in one streaming pass (only the payload becomes a tree, for the
     * mapping), then the same checks, upcast and mapping as {@link #read(JsonNode, boolean)}; {@code null} when
     * the record is not laid out as an accepted envelope is (a field missing or of another JSON type), so
     * that the caller reads it in full instead.
     */
    private ReadResult acceptedEnvelope(byte[] record) {
        String eventId = null;
        String eventType = null;
        String aggregateType = null;
        String aggregateId = null;
        String occurredAt = null;
        String correlationId = null;
        long schemaVersion = -1;
        long aggregateVersion = -1;
        JsonNode payload = null;
        try (JsonParser parser = json.createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = string(parser, value);
                    case "eventType" -> eventType = string(parser, value);
                    case "aggregateType" -> aggregateType = string(parser, value);
                    case "aggregateId" -> aggregateId = string(parser, value);
                    case "occurredAt" -> occurredAt = string(parser, value);
                    case "correlationId" -> correlationId = string(parser, value);
                    case "schemaVersion" -> schemaVersion = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "aggregateVersion" -> aggregateVersion = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "payload" -> payload = value == JsonToken.START_OBJECT ? parser.readValueAsTree() : null;
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                return null;
            }
        }
        if (eventId == null || eventType == null || aggregateType == null || aggregateId == null || occurredAt == null || correlationId == null
            || schemaVersion < 1 || schemaVersion > Integer.MAX_VALUE || aggregateVersion < 1 || !(payload instanceof ObjectNode object)) {
            return null;
        }
        EventMetadata metadata = new EventMetadata(UUID.fromString(eventId), eventType, (int) schemaVersion, aggregateType, aggregateId,
            aggregateVersion, Instants.parse(occurredAt), correlationId);
        return readPayload(metadata, object, false);
    }

    private static String string(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_STRING ? parser.getString() : null;
    }

    private ReadResult read(JsonNode event, boolean validate) {
        if (event == null || !event.isObject()) {
            return new Rejected(Rejection.NOT_JSON, "the record is not a JSON object", null);
        }
        List<String> envelopeProblems = validate ? problems(envelope, event) : List.of();
        if (!envelopeProblems.isEmpty()) {
            return new Rejected(Rejection.INVALID_ENVELOPE, String.join("; ", envelopeProblems), null);
        }
        return readPayload(metadata(event), (ObjectNode) event.get("payload"), validate);
    }

    /** The steps after the envelope: the event type and version known and consistent, the payload valid, upcast and mapped. */
    private ReadResult readPayload(EventMetadata metadata, ObjectNode payload, boolean validate) {
        String eventType = metadata.eventType();
        if (!catalog.knows(eventType) || !PayloadMapper.maps(eventType)) {
            return new Rejected(Rejection.UNKNOWN_EVENT_TYPE, "no schema for event type " + eventType, metadata);
        }
        if (!catalog.versionsOf(eventType).contains(metadata.schemaVersion())) {
            return new Rejected(Rejection.UNKNOWN_SCHEMA_VERSION, eventType + " v" + metadata.schemaVersion()
                + " is not published; known versions " + catalog.versionsOf(eventType), metadata);
        }
        if (!eventType.startsWith(metadata.aggregateType() + ".")) {
            return new Rejected(Rejection.INCONSISTENT, "event type " + eventType + " does not belong to aggregate type "
                + metadata.aggregateType(), metadata);
        }
        List<String> payloadProblems = validate ? problems(payloadSchema(eventType, metadata.schemaVersion()), payload) : List.of();
        if (!payloadProblems.isEmpty()) {
            return new Rejected(Rejection.INVALID_PAYLOAD, eventType + " v" + metadata.schemaVersion() + ": "
                + String.join("; ", payloadProblems), metadata);
        }
        JsonNode ownId = payload.get(metadata.aggregateType() + "Id");
        if (ownId != null && !ownId.asString().equals(metadata.aggregateId())) {
            return new Rejected(Rejection.INCONSISTENT, "payload " + metadata.aggregateType() + "Id " + ownId.asString()
                + " differs from aggregateId " + metadata.aggregateId(), metadata);
        }
        ObjectNode current = Upcasters.upcast(eventType, metadata.schemaVersion(), catalog.currentVersionOf(eventType), payload);
        return new Accepted(PayloadMapper.map(metadata, current));
    }

    private static EventMetadata metadata(JsonNode event) {
        return new EventMetadata(
            UUID.fromString(event.get("eventId").asString()),
            event.get("eventType").asString(),
            event.get("schemaVersion").asInt(),
            event.get("aggregateType").asString(),
            event.get("aggregateId").asString(),
            event.get("aggregateVersion").asLong(),
            Instants.parse(event.get("occurredAt").asString()),
            event.get("correlationId").asString());
    }

    private Schema payloadSchema(String eventType, int version) {
        String[] parts = eventType.split("\\.", 2);
        return payloadSchemas.computeIfAbsent(eventType + "/" + version,
            key -> schema(parts[0] + "/" + parts[1] + ".v" + version + ".schema.json"));
    }

    private Schema schema(String name) {
        return registry.getSchema(new String(EventCatalog.resource(name), StandardCharsets.UTF_8), InputFormat.JSON);
    }

    private static List<String> problems(Schema schema, JsonNode node) {
        List<Error> errors = schema.validate(node);
        return errors.stream().limit(MAX_PROBLEMS_REPORTED).map(error -> {
            String at = error.getInstanceLocation().toString();
            return (at.isEmpty() ? "" : at + ": ") + error.getMessage();
        }).collect(Collectors.toList());
    }

    private static String preview(byte[] record) {
        String text = new String(record, StandardCharsets.UTF_8);
        return '"' + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + '"';
    }
}
