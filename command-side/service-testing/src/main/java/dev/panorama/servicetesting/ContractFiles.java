package dev.panorama.servicetesting;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.panorama.outbox.OutboxEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** The contracts as the {@code panorama-schemas} artifact puts them on the class path, validated with formats asserted. */
public final class ContractFiles {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /** Problems of the whole event, envelope and payload; empty when it conforms. */
    public List<String> problems(JsonNode envelope) {
        String eventType = envelope.get("eventType").asString();
        String payloadSchema = "events/" + eventType.replace('.', '/') + ".v" + envelope.get("schemaVersion").asInt() + ".schema.json";
        return Stream.concat(
                messages("envelope", schema("events/envelope.v1.schema.json").validate(envelope)).stream(),
                messages("payload", schema(payloadSchema).validate(envelope.get("payload"))).stream())
            .toList();
    }

    /**
     * The envelope as the relay writes it (the library's {@code EnvelopeJson} is internal to it), read back
     * as a reader parses it, so that it compares equal to a parsed golden example.
     */
    public static JsonNode envelope(OutboxEvent event) {
        ObjectNode envelope = JSON.createObjectNode()
            .put("eventId", event.eventId().toString())
            .put("eventType", event.eventType())
            .put("schemaVersion", event.schemaVersion())
            .put("aggregateType", event.aggregateType())
            .put("aggregateId", event.aggregateId())
            .put("aggregateVersion", event.aggregateVersion())
            .put("occurredAt", event.occurredAt().toString())
            .put("correlationId", event.correlationId());
        envelope.set("payload", event.payload());
        return JSON.readTree(JSON.writeValueAsString(envelope));
    }

    public static JsonNode read(String path) {
        return JSON.readTree(text(path));
    }

    private Schema schema(String path) {
        return registry.getSchema(text(path), InputFormat.JSON);
    }

    private static String text(String path) {
        try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream("panorama/schemas/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("not on the class path: panorama/schemas/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(String part, List<Error> errors) {
        return errors.stream().map(error -> part + " at " + error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }
}
