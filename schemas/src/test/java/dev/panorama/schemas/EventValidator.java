package dev.panorama.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a whole event as a reader must: the envelope, then the payload against the schema of its
 * (eventType, schemaVersion), then the rules JSON Schema cannot state across the two.
 */
final class EventValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Schema envelope;
    private final Map<String, Schema> payloads = new HashMap<>();

    EventValidator() {
        this.envelope = load(SchemaFiles.root().resolve("events/envelope.v1.schema.json"));
    }

    Schema load(Path file) {
        try {
            return registry.getSchema(Files.readString(file), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(JsonNode event) {
        List<String> problems = new ArrayList<>(messages("envelope", envelope.validate(event)));
        if (!problems.isEmpty()) {
            return problems;
        }
        String eventType = event.get("eventType").asString();
        int version = event.get("schemaVersion").asInt();
        String aggregateType = event.get("aggregateType").asString();
        if (!eventType.startsWith(aggregateType + ".")) {
            problems.add("eventType " + eventType + " does not belong to aggregateType " + aggregateType);
        }
        Path schemaFile = SchemaFiles.payloadSchema(eventType, version);
        if (!Files.isRegularFile(schemaFile)) {
            problems.add("no schema for " + eventType + " version " + version);
            return problems;
        }
        Schema payload = payloads.computeIfAbsent(eventType + "/" + version, key -> load(schemaFile));
        problems.addAll(messages("payload", payload.validate(event.get("payload"))));
        JsonNode ownId = event.get("payload").get(aggregateType + "Id");
        if (ownId != null && !ownId.asString().equals(event.get("aggregateId").asString())) {
            problems.add("payload." + aggregateType + "Id " + ownId.asString() + " differs from aggregateId " + event.get("aggregateId").asString());
        }
        return problems;
    }

    private static List<String> messages(String part, List<Error> errors) {
        return errors.stream().map(error -> {
            String at = error.getInstanceLocation().toString();
            return part + (at.isEmpty() ? "" : " at " + at) + ": " + error.getMessage();
        }).toList();
    }
}
