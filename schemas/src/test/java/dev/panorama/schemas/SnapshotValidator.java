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
 * Validates a whole snapshot stream as a reader must: header first, trailer last with the right count,
 * every record of the header's aggregate type, in ascending aggregate id, its state valid against
 * {@code snapshots/<aggregateType>.state.v1.schema.json}.
 */
final class SnapshotValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Schema header = load(SchemaFiles.root().resolve("snapshots/snapshot-header.v1.schema.json"));
    private final Schema record = load(SchemaFiles.root().resolve("snapshots/snapshot-record.v1.schema.json"));
    private final Schema trailer = load(SchemaFiles.root().resolve("snapshots/snapshot-trailer.v1.schema.json"));
    private final Map<String, Schema> states = new HashMap<>();

    Schema load(Path file) {
        try {
            return registry.getSchema(Files.readString(file), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(List<JsonNode> lines) {
        List<String> problems = new ArrayList<>();
        if (lines.size() < 2) {
            problems.add("a snapshot has a header and a trailer at least; got " + lines.size() + " lines");
            return problems;
        }
        problems.addAll(messages("line 1 (header)", header.validate(lines.getFirst())));
        JsonNode last = lines.getLast();
        problems.addAll(messages("line " + lines.size() + " (trailer)", trailer.validate(last)));
        if (!problems.isEmpty()) {
            return problems;
        }
        String aggregateType = lines.getFirst().get("aggregateType").asString();
        Path stateSchema = SchemaFiles.root().resolve("snapshots/" + aggregateType + ".state.v1.schema.json");
        if (!Files.isRegularFile(stateSchema)) {
            problems.add("no state schema for aggregateType " + aggregateType);
            return problems;
        }
        Schema state = states.computeIfAbsent(aggregateType, type -> load(stateSchema));
        String previousId = null;
        for (int i = 1; i < lines.size() - 1; i++) {
            JsonNode line = lines.get(i);
            String at = "line " + (i + 1);
            List<String> recordProblems = messages(at, record.validate(line));
            problems.addAll(recordProblems);
            if (!recordProblems.isEmpty()) {
                continue;
            }
            if (!line.get("aggregateType").asString().equals(aggregateType)) {
                problems.add(at + ": aggregateType " + line.get("aggregateType").asString() + " differs from the header's " + aggregateType);
            }
            String id = line.get("aggregateId").asString();
            if (previousId != null && id.compareTo(previousId) <= 0) {
                problems.add(at + ": aggregateId " + id + " is not after " + previousId);
            }
            previousId = id;
            problems.addAll(messages(at + " state", state.validate(line.get("state"))));
        }
        if (last.get("records").asLong() != lines.size() - 2) {
            problems.add("the trailer counts " + last.get("records").asLong() + " records, the stream has " + (lines.size() - 2));
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
