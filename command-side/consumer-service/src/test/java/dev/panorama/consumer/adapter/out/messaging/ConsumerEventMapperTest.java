package dev.panorama.consumer.adapter.out.messaging;

import dev.panorama.servicetesting.ContractFiles;
import dev.panorama.consumer.application.port.in.CorrelationId;
import dev.panorama.consumer.domain.Address;
import dev.panorama.consumer.domain.ConsumerAddressChanged;
import dev.panorama.consumer.domain.ConsumerEvent;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.ConsumerRegistered;
import dev.panorama.consumer.domain.ConsumerRenamed;
import dev.panorama.consumer.domain.Email;
import dev.panorama.consumer.domain.PersonName;
import dev.panorama.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.panorama.consumer.domain.ConsumerFixtures.ADA;
import static dev.panorama.consumer.domain.ConsumerFixtures.NOW;
import static dev.panorama.consumer.domain.ConsumerFixtures.adaEmail;
import static dev.panorama.consumer.domain.ConsumerFixtures.adaLovelace;
import static dev.panorama.consumer.domain.ConsumerFixtures.harbourRoad;
import static dev.panorama.consumer.domain.ConsumerFixtures.mainStreet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every event the service emits conforms to its schema in {@code panorama-schemas}, and matches the golden examples. */
class ConsumerEventMapperTest {

    private static final CorrelationId CORRELATION = new CorrelationId("7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1908");

    private final ConsumerEventMapper mapper = new ConsumerEventMapper();
    private final ContractFiles schemas = new ContractFiles();

    static List<ConsumerEvent> everyEvent() {
        Address minimal = new Address("1", null, "X", "1", "GB");
        Address longest = new Address("s".repeat(200), "t".repeat(200), "c".repeat(100), "p".repeat(20), "DE");
        return List.of(
            new ConsumerRegistered(UUID.randomUUID(), NOW, ADA, 1, adaLovelace(), adaEmail(), mainStreet()),
            new ConsumerRegistered(UUID.randomUUID(), NOW, ConsumerId.random(), 1, new PersonName("n".repeat(100), "m".repeat(100)),
                new Email("first.last+tag@mail.example.co.uk"), longest),
            new ConsumerRenamed(UUID.randomUUID(), NOW, ADA, 2, new PersonName("Ada", "King")),
            new ConsumerAddressChanged(UUID.randomUUID(), NOW, ADA, 3, harbourRoad()),
            new ConsumerAddressChanged(UUID.randomUUID(), NOW, ADA, 7, minimal));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEmittedEventConformsToEnvelopeAndPayloadSchema(ConsumerEvent event) {
        JsonNode envelope = ContractFiles.envelope(mapper.toOutboxEvent(event, CORRELATION));

        assertThat(schemas.problems(envelope)).isEmpty();
        assertThat(envelope.get("payload").get("consumerId").asString()).isEqualTo(envelope.get("aggregateId").asString());
    }

    @Test
    void theSchemaCheckCatchesAPayloadThatBreaksTheContract() {
        ObjectNode envelope = (ObjectNode) ContractFiles.envelope(mapper.toOutboxEvent(everyEvent().getFirst(), CORRELATION));
        ((ObjectNode) envelope.get("payload").get("address")).put("country", "us");
        ((ObjectNode) envelope.get("payload")).put("email", "not an address");

        assertThat(schemas.problems(envelope)).hasSize(2);
    }

    @Test
    void writesTheCurrentVersionOfEachEventTypeUnderItsWireName() {
        List<OutboxEvent> mapped = everyEvent().stream().map(event -> mapper.toOutboxEvent(event, CORRELATION)).toList();

        assertThat(mapped).extracting(OutboxEvent::eventType, OutboxEvent::schemaVersion).containsExactly(
            tuple("consumer.ConsumerRegistered", 2),
            tuple("consumer.ConsumerRegistered", 2),
            tuple("consumer.ConsumerRenamed", 1),
            tuple("consumer.ConsumerAddressChanged", 1),
            tuple("consumer.ConsumerAddressChanged", 1));
        assertThat(mapped).extracting(OutboxEvent::aggregateType).containsOnly("consumer");
        assertThat(mapped).extracting(OutboxEvent::aggregateVersion).containsExactly(1L, 1L, 2L, 3L, 7L);
    }

    @Test
    void leavesAnAbsentSecondStreetLineOut() {
        JsonNode payload = mapper.toOutboxEvent(everyEvent().getFirst(), CORRELATION).payload();

        assertThat(payload.get("address").has("street2")).isFalse();
    }

    @Test
    void reproducesTheGoldenConsumerRegisteredV2Example() {
        JsonNode golden = ContractFiles.read("examples/valid/consumer/ConsumerRegistered.v2.json");
        JsonNode payload = golden.get("payload");
        ConsumerRegistered event = new ConsumerRegistered(UUID.fromString(golden.get("eventId").asString()),
            Instant.parse(golden.get("occurredAt").asString()), new ConsumerId(UUID.fromString(golden.get("aggregateId").asString())),
            golden.get("aggregateVersion").asLong(),
            new PersonName(payload.get("name").get("firstName").asString(), payload.get("name").get("lastName").asString()),
            new Email(payload.get("email").asString()), address(payload.get("address")));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, new CorrelationId(golden.get("correlationId").asString()))))
            .isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenConsumerRenamedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/consumer/ConsumerRenamed.v1.json");
        JsonNode name = golden.get("payload").get("name");
        ConsumerRenamed event = new ConsumerRenamed(UUID.fromString(golden.get("eventId").asString()),
            Instant.parse(golden.get("occurredAt").asString()), new ConsumerId(UUID.fromString(golden.get("aggregateId").asString())),
            golden.get("aggregateVersion").asLong(), new PersonName(name.get("firstName").asString(), name.get("lastName").asString()));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, new CorrelationId(golden.get("correlationId").asString()))))
            .isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenConsumerAddressChangedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/consumer/ConsumerAddressChanged.v1.json");
        ConsumerAddressChanged event = new ConsumerAddressChanged(UUID.fromString(golden.get("eventId").asString()),
            Instant.parse(golden.get("occurredAt").asString()), new ConsumerId(UUID.fromString(golden.get("aggregateId").asString())),
            golden.get("aggregateVersion").asLong(), address(golden.get("payload").get("address")));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, new CorrelationId(golden.get("correlationId").asString()))))
            .isEqualTo(golden);
    }

    private static Address address(JsonNode address) {
        return new Address(address.get("street1").asString(), address.has("street2") ? address.get("street2").asString() : null,
            address.get("city").asString(), address.get("postalCode").asString(), address.get("country").asString());
    }
}
