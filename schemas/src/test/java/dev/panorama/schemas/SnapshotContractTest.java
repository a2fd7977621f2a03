package dev.panorama.schemas;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot contracts hold together: schemas valid, one state schema per aggregate type, examples conform. */
class SnapshotContractTest {

    private static final List<String> AGGREGATE_TYPES = List.of("consumer", "restaurant", "order", "delivery");

    private static SnapshotValidator validator;

    @BeforeAll
    static void loadSchemas() {
        validator = new SnapshotValidator();
    }

    static Stream<Path> examples() {
        try (Stream<Path> files = Files.list(SchemaFiles.root().resolve("snapshots/examples"))) {
            return files.filter(file -> file.toString().endsWith(".ndjson")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleSnapshotConforms(Path example) {
        assertThat(validator.problems(lines(example))).as(SchemaFiles.relative(example)).isEmpty();
    }

    @Test
    void everyAggregateTypeHasAStateSchemaAndAnExample() {
        for (String aggregateType : AGGREGATE_TYPES) {
            assertThat(SchemaFiles.root().resolve("snapshots/" + aggregateType + ".state.v1.schema.json")).isRegularFile();
            assertThat(SchemaFiles.root().resolve("snapshots/examples/" + aggregateType + ".v1.ndjson")).isRegularFile();
        }
    }

    @Test
    void everySnapshotSchemaIsAValidDraft2020SchemaThatForbidsNoUnknownField() {
        for (Path schema : SchemaFiles.snapshotSchemas()) {
            JsonNode node = SchemaFiles.read(schema);
            assertThat(node.get("$schema").asString()).as(SchemaFiles.relative(schema)).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(node.get("$id").asString()).startsWith("urn:panorama:snapshot:");
            assertThat(node.get("type").asString()).isEqualTo("object");
            assertThat(node.toString()).doesNotContain("\"additionalProperties\":false").doesNotContain("\"unevaluatedProperties\":false");
            validator.load(schema);
        }
    }

    @Test
    void aTruncatedSnapshotIsRejected() {
        List<JsonNode> lines = lines(SchemaFiles.root().resolve("snapshots/examples/order.v1.ndjson"));

        assertThat(validator.problems(lines.subList(0, lines.size() - 1))).isNotEmpty();
        assertThat(validator.problems(without(lines, 1))).as("a record missing, the trailer's count says so").isNotEmpty();
    }

    @Test
    void recordsOutOfIdOrderAreRejected() {
        List<JsonNode> lines = lines(SchemaFiles.root().resolve("snapshots/examples/order.v1.ndjson"));
        List<JsonNode> swapped = new ArrayList<>(lines);
        swapped.set(1, lines.get(2));
        swapped.set(2, lines.get(1));

        assertThat(validator.problems(swapped)).anySatisfy(problem -> assertThat(problem).contains("is not after"));
    }

    @Test
    void stateMustUseThePayloadsShapes() {
        Path order = SchemaFiles.root().resolve("snapshots/examples/order.v1.ndjson");
        assertRejected(order, state -> ((ObjectNode) state.get("orderTotal")).put("amount", 28.18));
        assertRejected(order, state -> ((ObjectNode) state).remove("createdAt"));
        assertRejected(order, state -> ((ObjectNode) state).put("updatedAt", "yesterday"));
        Path delivery = SchemaFiles.root().resolve("snapshots/examples/delivery.v1.ndjson");
        assertRejected(delivery, state -> ((ObjectNode) state).putArray("timeline"));
        Path restaurant = SchemaFiles.root().resolve("snapshots/examples/restaurant.v1.ndjson");
        assertRejected(restaurant, state -> ((ObjectNode) state).set("menu", state.get("menu").get("items")));
    }

    private static void assertRejected(Path example, Consumer<JsonNode> breakState) {
        List<JsonNode> lines = lines(example);
        breakState.accept(lines.get(1).get("state"));
        assertThat(validator.problems(lines)).as(SchemaFiles.relative(example) + " with a broken state").isNotEmpty();
    }

    private static List<JsonNode> without(List<JsonNode> lines, int index) {
        List<JsonNode> copy = new ArrayList<>(lines);
        copy.remove(index);
        return copy;
    }

    private static List<JsonNode> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(SchemaFiles.JSON::readTree).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
