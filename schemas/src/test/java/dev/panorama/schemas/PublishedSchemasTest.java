package dev.panorama.schemas;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build check on published schema versions. {@code published.lock.json} keeps the shape of every
 * published schema; a published version may only change compatibly ({@link SchemaCompatibility}), and
 * every change, even a compatible one, is recorded in the lock so that it cannot be undone silently.
 * Record new versions and compatible changes with
 * {@code ./mvnw -pl schemas test -Dschemas.publish=true} and commit the lock.
 */
class PublishedSchemasTest {

    private static final String LOCK = "published.lock.json";
    private static final String RECORD_HINT = "record it with ./mvnw -pl schemas test -Dschemas.publish=true and commit " + LOCK;

    @Test
    void publishedSchemasChangeOnlyCompatiblyAndEveryChangeIsRecorded() throws IOException {
        boolean publish = Boolean.getBoolean("schemas.publish");
        Path lockFile = SchemaFiles.root().resolve(LOCK);
        ObjectNode lock = Files.exists(lockFile) ? (ObjectNode) SchemaFiles.read(lockFile) : SchemaFiles.JSON.createObjectNode();
        List<String> breaking = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();

        for (String published : lock.propertyNames()) {
            if (!Files.isRegularFile(SchemaFiles.root().resolve(published))) {
                breaking.add(published + ": a published schema version was deleted");
            }
        }
        for (Path schema : schemaFiles()) {
            String name = SchemaFiles.relative(schema);
            JsonNode current = SchemaCompatibility.normalise(SchemaFiles.read(schema));
            JsonNode published = lock.get(name);
            if (published == null) {
                unrecorded.add(name + ": not published yet");
                continue;
            }
            List<String> changes = SchemaCompatibility.breakingChanges(published, current);
            changes.forEach(change -> breaking.add(name + " " + change));
            if (changes.isEmpty() && !published.equals(current)) {
                unrecorded.add(name + ": compatible change");
            }
        }

        assertThat(breaking).as("breaking changes to published schema versions; add a new version file instead").isEmpty();
        if (publish && !unrecorded.isEmpty()) {
            for (Path schema : schemaFiles()) {
                lock.set(SchemaFiles.relative(schema), SchemaCompatibility.normalise(SchemaFiles.read(schema)));
            }
            Files.writeString(lockFile, SchemaFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(lock)) + "\n");
            System.out.println("recorded in " + LOCK + ": " + unrecorded);
            return;
        }
        assertThat(unrecorded).as(RECORD_HINT).isEmpty();
    }

    private static List<Path> schemaFiles() {
        List<Path> files = new ArrayList<>(SchemaFiles.payloadSchemas());
        files.add(SchemaFiles.root().resolve("events/envelope.v1.schema.json"));
        files.addAll(SchemaFiles.snapshotSchemas());
        return files;
    }

    private static ObjectNode sorted(ObjectNode lock) {
        ObjectNode sorted = SchemaFiles.JSON.createObjectNode();
        lock.propertyNames().stream().sorted().forEach(name -> sorted.set(name, lock.get(name)));
        return sorted;
    }
}
