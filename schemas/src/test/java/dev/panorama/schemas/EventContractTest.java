package dev.panorama.schemas;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The event contracts hold together: catalogue, schemas and golden examples agree. */
class EventContractTest {

    private static EventValidator validator;

    @BeforeAll
    static void loadSchemas() {
        validator = new EventValidator();
    }

    static Stream<Path> validExamples() {
        return SchemaFiles.jsonFilesUnder("examples/valid").stream();
    }

    static Stream<Path> invalidExamples() {
        return SchemaFiles.jsonFilesUnder("examples/invalid").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void goldenExampleConforms(Path example) {
        assertThat(validator.problems(SchemaFiles.read(example))).as(SchemaFiles.relative(example)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleIsRejected(Path example) {
        List<String> problems = validator.problems(SchemaFiles.read(example));

        assertThat(problems).as(SchemaFiles.relative(example) + " must be rejected").isNotEmpty();
        System.out.println(SchemaFiles.relative(example) + " -> " + problems);
    }

    @Test
    void everyCatalogueVersionHasASchemaAndAGoldenExample() {
        List<String> missing = new ArrayList<>();
        for (JsonNode entry : catalogue().get("events")) {
            String eventType = entry.get("eventType").asString();
            for (JsonNode version : entry.get("versions")) {
                if (!Files.isRegularFile(SchemaFiles.payloadSchema(eventType, version.asInt()))) {
                    missing.add("schema of " + eventType + " v" + version.asInt());
                }
                if (!Files.isRegularFile(SchemaFiles.goldenExample(eventType, version.asInt()))) {
                    missing.add("golden example of " + eventType + " v" + version.asInt());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySchemaFileIsInTheCatalogue() {
        Set<String> catalogued = new HashSet<>();
        for (JsonNode entry : catalogue().get("events")) {
            for (JsonNode version : entry.get("versions")) {
                catalogued.add(SchemaFiles.relative(SchemaFiles.payloadSchema(entry.get("eventType").asString(), version.asInt())));
            }
        }
        assertThat(SchemaFiles.payloadSchemas()).extracting(SchemaFiles::relative).allMatch(catalogued::contains);
    }

    @Test
    void currentVersionIsTheNewestOfEachType() {
        for (JsonNode entry : catalogue().get("events")) {
            int newest = 0;
            for (JsonNode version : entry.get("versions")) {
                newest = Math.max(newest, version.asInt());
            }
            assertThat(entry.get("currentVersion").asInt()).as(entry.get("eventType").asString()).isEqualTo(newest);
        }
    }

    @Test
    void everyDomainAggregateTypeHasATopic() {
        JsonNode topics = catalogue().get("topics");
        for (JsonNode entry : catalogue().get("events")) {
            String aggregateType = entry.get("aggregateType").asString();
            if (!aggregateType.equals("panorama")) {
                assertThat(topics.has(aggregateType)).as("topic of " + aggregateType).isTrue();
                assertThat(topics.get(aggregateType).asString()).isEqualTo("ftgo." + aggregateType + ".events");
            }
        }
    }

    @Test
    void everySchemaIsAValidDraft2020Schema() {
        List<Path> schemas = new ArrayList<>(SchemaFiles.payloadSchemas());
        schemas.add(SchemaFiles.root().resolve("events/envelope.v1.schema.json"));
        for (Path schema : schemas) {
            JsonNode node = SchemaFiles.read(schema);
            assertThat(node.get("$schema").asString()).as(SchemaFiles.relative(schema))
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(node.get("type").asString()).isEqualTo("object");
            validator.load(schema);
        }
    }

    /** Readers ignore unknown fields and writers may add optional ones: no schema may forbid them. */
    @Test
    void noSchemaForbidsUnknownFields() {
        for (Path schema : SchemaFiles.payloadSchemas()) {
            String text = SchemaFiles.read(schema).toString();
            assertThat(text).as(SchemaFiles.relative(schema))
                .doesNotContain("\"additionalProperties\":false")
                .doesNotContain("\"unevaluatedProperties\":false");
        }
    }

    private static JsonNode catalogue() {
        return SchemaFiles.read(SchemaFiles.root().resolve("events/catalog.json"));
    }
}
