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
import java.util.ArrayList;
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
     * Problems of a whole snapshot stream ({@code GET /snapshot}, {@code schemas/snapshots/}), one parsed JSON
     * value per line; empty when it conforms: header first, trailer last counting the records, every record of
     * the header's aggregate type, in ascending aggregate id, its state valid against the aggregate's state schema.
     */
    public List<String> snapshotProblems(List<JsonNode> lines) {
        if (lines.size() < 2) {
            return List.of("a snapshot has a header and a trailer at least; got " + lines.size() + " lines");
        }
        List<String> problems = new ArrayList<>(messages("header", schema("snapshots/snapshot-header.v1.schema.json").validate(lines.getFirst())));
        problems.addAll(messages("trailer", schema("snapshots/snapshot-trailer.v1.schema.json").validate(lines.getLast())));
        if (!problems.isEmpty()) {
            return problems;
        }
        String aggregateType = lines.getFirst().get("aggregateType").asString();
        Schema record = schema("snapshots/snapshot-record.v1.schema.json");
        Schema state = schema("snapshots/" + aggregateType + ".state.v1.schema.json");
        String previousId = null;
        for (JsonNode line : lines.subList(1, lines.size() - 1)) {
            String at = "record " + (line.has("aggregateId") ? line.get("aggregateId").asString() : line.toString());
            List<String> recordProblems = messages(at, record.validate(line));
            problems.addAll(recordProblems);
            if (!recordProblems.isEmpty()) {
                continue;
            }
            if (!line.get("aggregateType").asString().equals(aggregateType)) {
                problems.add(at + ": aggregateType differs from the header's " + aggregateType);
            }
            String id = line.get("aggregateId").asString();
            if (previousId != null && id.compareTo(previousId) <= 0) {
                problems.add(at + ": not after " + previousId);
            }
            previousId = id;
            problems.addAll(messages(at + " state", state.validate(line.get("state"))));
        }
        if (lines.getLast().get("records").asLong() != lines.size() - 2) {
            problems.add("the trailer counts " + lines.getLast().get("records").asLong() + " records, the stream has " + (lines.size() - 2));
        }
        return problems;
    }

    /** The lines of an NDJSON body, parsed. */
    public static List<JsonNode> ndjson(String body) {
        return body.lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
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
