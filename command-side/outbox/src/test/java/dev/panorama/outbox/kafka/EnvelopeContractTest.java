package dev.panorama.outbox.kafka;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.panorama.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.panorama.outbox.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The envelope the relay publishes is the one in {@code schemas/}: it reproduces every golden example
 * field for field, validates against the envelope schema, and the writer refuses the envelopes readers
 * must reject.
 */
class EnvelopeContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMAS = "panorama/schemas/";

    static Stream<String> goldenExamples() {
        List<String> examples = new ArrayList<>();
        for (JsonNode entry : read("events/catalog.json").get("events")) {
            String aggregateType = entry.get("aggregateType").asString();
            String name = entry.get("eventType").asString().substring(aggregateType.length() + 1);
            for (JsonNode version : entry.get("versions")) {
                examples.add("examples/valid/" + aggregateType + "/" + name + ".v" + version.asInt() + ".json");
            }
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenExamples")
    void reproducesTheGoldenExample(String example) {
        JsonNode golden = read(example);

        JsonNode published = JSON.readTree(EnvelopeJson.of(fromEnvelope(golden)));

        assertThat(published).isEqualTo(golden);
    }

    @Test
    void validatesAgainstTheEnvelopeSchemaWithAndWithoutCausation() {
        Schema envelope = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(JSON.writeValueAsString(read("events/envelope.v1.schema.json")), InputFormat.JSON);
        OutboxEvent withCausation = anEvent().causationId(UUID.randomUUID().toString())
            .occurredAt(Instant.parse("2026-11-08T19:00:00.000001Z")).build();
        OutboxEvent withoutCausation = anEvent().occurredAt(Instant.parse("2026-11-08T19:00:00Z")).build();

        assertThat(envelope.validate(JSON.readTree(EnvelopeJson.of(withCausation)))).isEmpty();
        assertThat(envelope.validate(JSON.readTree(EnvelopeJson.of(withoutCausation)))).isEmpty();
        assertThat(JSON.readTree(EnvelopeJson.of(withoutCausation)).has("causationId")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "envelope.aggregate-version-zero.json",
        "envelope.java-class-as-event-type.json",
        "envelope.missing-event-id.json",
        "envelope.occurred-at-not-an-instant.json"})
    void cannotBeWrittenWhenReadersMustRejectIt(String example) {
        JsonNode invalid = read("examples/invalid/" + example);

        assertThatThrownBy(() -> fromEnvelope(invalid)).isInstanceOf(RuntimeException.class);
    }

    private static OutboxEvent fromEnvelope(JsonNode envelope) {
        JsonNode causation = envelope.get("causationId");
        return new OutboxEvent(
            UUID.fromString(envelope.required("eventId").asString()),
            envelope.get("eventType").asString(),
            envelope.get("schemaVersion").asInt(),
            envelope.get("aggregateType").asString(),
            envelope.get("aggregateId").asString(),
            envelope.get("aggregateVersion").asLong(),
            Instant.parse(envelope.get("occurredAt").asString()),
            envelope.get("correlationId").asString(),
            causation == null ? null : causation.asString(),
            envelope.get("payload"));
    }

    private static JsonNode read(String path) {
        try (InputStream in = EnvelopeContractTest.class.getClassLoader().getResourceAsStream(SCHEMAS + path)) {
            assertThat(in).as(SCHEMAS + path + " on the class path (panorama-schemas)").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
