package dev.panorama.schemas;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of this module, read from the source tree. */
final class SchemaFiles {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private SchemaFiles() {
    }

    static Path root() {
        String configured = System.getProperty("schemas.directory");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve("events/catalog.json"))) {
            throw new IllegalStateException("schemas directory not found at " + root + " (set -Dschemas.directory)");
        }
        return root;
    }

    static JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }

    static List<Path> jsonFilesUnder(String directory) {
        try (Stream<Path> files = Files.walk(root().resolve(directory))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Event payload schemas: {@code events/<aggregateType>/<Name>.v<N>.schema.json}. */
    static List<Path> payloadSchemas() {
        return jsonFilesUnder("events").stream()
            .filter(file -> file.getFileName().toString().endsWith(".schema.json"))
            .filter(file -> !file.getParent().equals(root().resolve("events")))
            .toList();
    }

    /** Snapshot schemas: {@code snapshots/*.schema.json} (header, record, trailer, one state schema per aggregate type). */
    static List<Path> snapshotSchemas() {
        return jsonFilesUnder("snapshots").stream()
            .filter(file -> file.getFileName().toString().endsWith(".schema.json"))
            .toList();
    }

    static String relative(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }

    static Path payloadSchema(String eventType, int version) {
        String[] parts = eventType.split("\\.", 2);
        return root().resolve("events").resolve(parts[0]).resolve(parts[1] + ".v" + version + ".schema.json");
    }

    static Path goldenExample(String eventType, int version) {
        String[] parts = eventType.split("\\.", 2);
        return root().resolve("examples/valid").resolve(parts[0]).resolve(parts[1] + ".v" + version + ".json");
    }
}
