package dev.panorama.delivery.adapter.out.messaging;

import dev.panorama.servicetesting.ContractFiles;
import dev.panorama.delivery.application.port.in.CorrelationId;
import dev.panorama.delivery.domain.Address;
import dev.panorama.delivery.domain.Courier;
import dev.panorama.delivery.domain.CourierAssigned;
import dev.panorama.delivery.domain.DeliveryDelivered;
import dev.panorama.delivery.domain.DeliveryEvent;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.delivery.domain.DeliveryPickedUp;
import dev.panorama.delivery.domain.DeliveryScheduled;
import dev.panorama.delivery.domain.OrderId;
import dev.panorama.delivery.domain.RestaurantId;
import dev.panorama.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.panorama.delivery.domain.DeliveryFixtures.DELIVERY;
import static dev.panorama.delivery.domain.DeliveryFixtures.NOW;
import static dev.panorama.delivery.domain.DeliveryFixtures.ORDER;
import static dev.panorama.delivery.domain.DeliveryFixtures.READY_BY;
import static dev.panorama.delivery.domain.DeliveryFixtures.RESTAURANT;
import static dev.panorama.delivery.domain.DeliveryFixtures.grace;
import static dev.panorama.delivery.domain.DeliveryFixtures.mainStreet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every event the service emits conforms to its schema in {@code panorama-schemas}, and matches the golden examples. */
class DeliveryEventMapperTest {

    private static final CorrelationId CORRELATION = new CorrelationId("7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1908");
    private static final Instant PRECISE = Instant.parse("2026-11-08T19:31:00.123456Z");

    private final DeliveryEventMapper mapper = new DeliveryEventMapper();
    private final ContractFiles schemas = new ContractFiles();

    static List<DeliveryEvent> everyEvent() {
        Address longest = new Address("s".repeat(200), "t".repeat(200), "c".repeat(100), "p".repeat(20), "DE");
        return List.of(
            new DeliveryScheduled(UUID.randomUUID(), NOW, DELIVERY, 1, ORDER, RESTAURANT, mainStreet(), READY_BY),
            new DeliveryScheduled(UUID.randomUUID(), PRECISE, DeliveryId.random(), 1, new OrderId(UUID.randomUUID()),
                new RestaurantId(UUID.randomUUID()), longest, PRECISE),
            new CourierAssigned(UUID.randomUUID(), NOW, DELIVERY, 2, ORDER, grace()),
            new CourierAssigned(UUID.randomUUID(), NOW, DELIVERY, 3, ORDER, new Courier("c".repeat(64), "n".repeat(200))),
            new DeliveryPickedUp(UUID.randomUUID(), PRECISE, DELIVERY, 4, ORDER, PRECISE),
            new DeliveryDelivered(UUID.randomUUID(), PRECISE, DELIVERY, 5, ORDER, PRECISE));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEmittedEventConformsToEnvelopeAndPayloadSchema(DeliveryEvent event) {
        JsonNode envelope = ContractFiles.envelope(mapper.toOutboxEvent(event, CORRELATION));

        assertThat(schemas.problems(envelope)).isEmpty();
        assertThat(envelope.get("payload").get("deliveryId").asString()).isEqualTo(envelope.get("aggregateId").asString());
        assertThat(envelope.get("payload").get("orderId").asString()).isEqualTo(event.orderId().toString());
    }

    @Test
    void theSchemaCheckCatchesAPayloadThatBreaksTheContract() {
        ObjectNode envelope = (ObjectNode) ContractFiles.envelope(mapper.toOutboxEvent(everyEvent().getFirst(), CORRELATION));
        ((ObjectNode) envelope.get("payload").get("deliveryAddress")).put("country", "us");
        ((ObjectNode) envelope.get("payload")).put("readyBy", "half past seven");
        ((ObjectNode) envelope.get("payload")).put("orderId", "not-a-uuid");

        assertThat(schemas.problems(envelope)).hasSize(3);
    }

    @Test
    void writesTheCurrentVersionOfEachEventTypeUnderItsWireName() {
        List<OutboxEvent> mapped = everyEvent().stream().map(event -> mapper.toOutboxEvent(event, CORRELATION)).toList();

        assertThat(mapped).extracting(OutboxEvent::eventType, OutboxEvent::schemaVersion).containsExactly(
            tuple("delivery.DeliveryScheduled", 1),
            tuple("delivery.DeliveryScheduled", 1),
            tuple("delivery.CourierAssigned", 1),
            tuple("delivery.CourierAssigned", 1),
            tuple("delivery.DeliveryPickedUp", 1),
            tuple("delivery.DeliveryDelivered", 1));
        assertThat(mapped).extracting(OutboxEvent::aggregateType).containsOnly("delivery");
        assertThat(mapped).extracting(OutboxEvent::aggregateVersion).containsExactly(1L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void leavesAnAbsentSecondStreetLineOut() {
        JsonNode payload = mapper.toOutboxEvent(everyEvent().getFirst(), CORRELATION).payload();

        assertThat(payload.get("deliveryAddress").has("street2")).isFalse();
    }

    @Test
    void reproducesTheGoldenDeliveryScheduledExample() {
        JsonNode golden = ContractFiles.read("examples/valid/delivery/DeliveryScheduled.v1.json");
        JsonNode payload = golden.get("payload");
        DeliveryScheduled event = new DeliveryScheduled(eventId(golden), occurredAt(golden), deliveryId(golden), version(golden),
            orderId(golden), new RestaurantId(UUID.fromString(payload.get("restaurantId").asString())), address(payload.get("deliveryAddress")),
            Instant.parse(payload.get("readyBy").asString()));

        assertThat(envelope(event, golden)).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenCourierAssignedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/delivery/CourierAssigned.v1.json");
        JsonNode payload = golden.get("payload");
        CourierAssigned event = new CourierAssigned(eventId(golden), occurredAt(golden), deliveryId(golden), version(golden), orderId(golden),
            new Courier(payload.get("courierId").asString(), payload.get("courierName").asString()));

        assertThat(envelope(event, golden)).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenDeliveryPickedUpExample() {
        JsonNode golden = ContractFiles.read("examples/valid/delivery/DeliveryPickedUp.v1.json");
        DeliveryPickedUp event = new DeliveryPickedUp(eventId(golden), occurredAt(golden), deliveryId(golden), version(golden), orderId(golden),
            Instant.parse(golden.get("payload").get("pickedUpAt").asString()));

        assertThat(envelope(event, golden)).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenDeliveryDeliveredExample() {
        JsonNode golden = ContractFiles.read("examples/valid/delivery/DeliveryDelivered.v1.json");
        DeliveryDelivered event = new DeliveryDelivered(eventId(golden), occurredAt(golden), deliveryId(golden), version(golden),
            orderId(golden), Instant.parse(golden.get("payload").get("deliveredAt").asString()));

        assertThat(envelope(event, golden)).isEqualTo(golden);
    }

    private JsonNode envelope(DeliveryEvent event, JsonNode golden) {
        return ContractFiles.envelope(mapper.toOutboxEvent(event, new CorrelationId(golden.get("correlationId").asString())));
    }

    private static UUID eventId(JsonNode golden) {
        return UUID.fromString(golden.get("eventId").asString());
    }

    private static Instant occurredAt(JsonNode golden) {
        return Instant.parse(golden.get("occurredAt").asString());
    }

    private static DeliveryId deliveryId(JsonNode golden) {
        return new DeliveryId(UUID.fromString(golden.get("aggregateId").asString()));
    }

    private static long version(JsonNode golden) {
        return golden.get("aggregateVersion").asLong();
    }

    private static OrderId orderId(JsonNode golden) {
        return new OrderId(UUID.fromString(golden.get("payload").get("orderId").asString()));
    }

    private static Address address(JsonNode address) {
        return new Address(address.get("street1").asString(), address.has("street2") ? address.get("street2").asString() : null,
            address.get("city").asString(), address.get("postalCode").asString(), address.get("country").asString());
    }
}
