package dev.panorama.views.event;

import dev.panorama.views.event.DomainEvent.ConsumerRegistered;
import dev.panorama.views.event.DomainEvent.OrderCreated;
import dev.panorama.views.event.ReadResult.Accepted;
import dev.panorama.views.event.ReadResult.Rejected;
import dev.panorama.views.event.ReadResult.Rejection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventReaderTest {

    private static final String EXAMPLES = "panorama/schemas/examples/";
    private static EventReader reader;

    @BeforeAll
    static void createReader() {
        reader = new EventReader();
    }

    static Stream<String> goldenExamples() {
        return List.of(
            "consumer/ConsumerRegistered.v1", "consumer/ConsumerRegistered.v2", "consumer/ConsumerRenamed.v1",
            "consumer/ConsumerAddressChanged.v1", "restaurant/RestaurantCreated.v1", "restaurant/RestaurantRenamed.v1",
            "restaurant/RestaurantMenuRevised.v1", "restaurant/RestaurantOpeningHoursChanged.v1", "order/OrderCreated.v1",
            "order/OrderRevised.v1", "order/OrderApproved.v1", "order/OrderRejected.v1", "order/OrderCancelled.v1",
            "delivery/DeliveryScheduled.v1", "delivery/CourierAssigned.v1", "delivery/DeliveryPickedUp.v1",
            "delivery/DeliveryDelivered.v1", "panorama/Heartbeat.v1").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenExamples")
    void readsEveryGoldenExample(String example) {
        ReadResult result = reader.read(example("valid/" + example + ".json"));

        assertThat(result).isInstanceOf(Accepted.class);
        String eventType = example.replace('/', '.').replaceAll("\\.v\\d+$", "");
        assertThat(((Accepted) result).event().metadata().eventType()).isEqualTo(eventType);
    }

    @Test
    void everyGoldenExampleInTheSchemasArtifactIsCovered() throws IOException {
        try (InputStream catalog = getClass().getClassLoader().getResourceAsStream("panorama/schemas/events/catalog.json")) {
            String text = new String(catalog.readAllBytes(), StandardCharsets.UTF_8);
            long versions = text.lines().filter(line -> line.contains("\"versions\"")).count();
            assertThat(versions).as("event types in the catalogue").isEqualTo(17);
        }
        assertThat(goldenExamples()).hasSize(18);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenExamples")
    void readsAnAcceptedRecordAgainToTheSameEventWithoutTheSchemas(String example) {
        byte[] record = example("valid/" + example + ".json");

        assertThat(reader.readAccepted(record)).isEqualTo(reader.read(record));
    }

    @Test
    void aRecordWronglySaidToBeAcceptedIsReadInFullAndRejectedWithItsReason() {
        byte[] withoutEventId = example("invalid/envelope.missing-event-id.json");
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThat(reader.readAccepted(withoutEventId)).isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.INVALID_ENVELOPE));
        assertThat(reader.readAccepted(notJson)).isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.NOT_JSON));
    }

    @Test
    void readsAnAcceptedRecordLaidOutOtherwiseAsTheFullReadDoes() {
        String approved = text("valid/order/OrderApproved.v1.json");
        String reordered = "{\"payload\": {\"orderId\": \"b3e4f5a6-7c8d-4e9f-a0b1-c2d3e4f5a6b7\", \"extra\": [1, {\"a\": null}]}, \"unknown\": {\"x\": [true]},"
            + approved.substring(approved.indexOf('{') + 1, approved.indexOf(",\n  \"payload\"")) + "}";
        List<String> variants = List.of(
            reordered,
            approved.replace("\"schemaVersion\": 1", "\"schemaVersion\": \"1\""),
            approved.replace("\"correlationId\": \"7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1908\",", ""),
            approved.replace("\"aggregateVersion\": 3", "\"aggregateVersion\": 3.5"),
            approved.replace("\"eventId\": \"00000000-0000-4000-8000-000000000011\"", "\"eventId\": \"not-a-uuid\""),
            approved + " {}");

        for (String variant : variants) {
            byte[] record = variant.getBytes(StandardCharsets.UTF_8);
            assertThat(reader.readAccepted(record)).as(variant).isEqualTo(reader.read(record));
        }
        assertThat(reader.readAccepted(reordered.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Accepted.class);
    }

    @Test
    void upcastsConsumerRegisteredV1ToTheCurrentShape() {
        Accepted v1 = (Accepted) reader.read(example("valid/consumer/ConsumerRegistered.v1.json"));
        Accepted v2 = (Accepted) reader.read(example("valid/consumer/ConsumerRegistered.v2.json"));

        ConsumerRegistered fromV1 = (ConsumerRegistered) v1.event();
        ConsumerRegistered fromV2 = (ConsumerRegistered) v2.event();
        assertThat(fromV1.name()).isEqualTo(fromV2.name());
        assertThat(fromV1.address()).isEqualTo(fromV2.address());
        assertThat(fromV1.email()).as("v1 had no email").isNull();
        assertThat(fromV1.metadata().schemaVersion()).isEqualTo(1);
    }

    @Test
    void mapsMoneyAsDecimalsAndKeepsLineItems() {
        OrderCreated order = (OrderCreated) ((Accepted) reader.read(example("valid/order/OrderCreated.v1.json"))).event();

        assertThat(order.orderTotal().amount()).isEqualByComparingTo(new BigDecimal("28.18"));
        assertThat(order.lineItems()).hasSize(2);
        assertThat(order.lineItems().stream().map(item -> item.total()).reduce((a, b) -> a.add(b)).orElseThrow())
            .isEqualTo(order.orderTotal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void rejectsEveryInvalidExampleWithAReason(String example, Rejection reason) {
        ReadResult result = reader.read(example("invalid/" + example + ".json"));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.detail()).isNotBlank();
        });
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> invalidExamples() {
        return Stream.of(
            org.junit.jupiter.params.provider.Arguments.of("consumer.ConsumerRegistered.v2.name-as-string", Rejection.INVALID_PAYLOAD),
            org.junit.jupiter.params.provider.Arguments.of("envelope.aggregate-version-zero", Rejection.INVALID_ENVELOPE),
            org.junit.jupiter.params.provider.Arguments.of("envelope.java-class-as-event-type", Rejection.INVALID_ENVELOPE),
            org.junit.jupiter.params.provider.Arguments.of("envelope.missing-event-id", Rejection.INVALID_ENVELOPE),
            org.junit.jupiter.params.provider.Arguments.of("envelope.occurred-at-not-an-instant", Rejection.INVALID_ENVELOPE),
            org.junit.jupiter.params.provider.Arguments.of("order.OrderCreated.v1.float-amount", Rejection.INVALID_PAYLOAD),
            org.junit.jupiter.params.provider.Arguments.of("order.OrderCreated.v1.no-line-items", Rejection.INVALID_PAYLOAD),
            org.junit.jupiter.params.provider.Arguments.of("order.OrderCreated.v1.zero-quantity", Rejection.INVALID_PAYLOAD),
            org.junit.jupiter.params.provider.Arguments.of("restaurant.RestaurantCreated.v1.bad-opening-time", Rejection.INVALID_PAYLOAD),
            org.junit.jupiter.params.provider.Arguments.of("restaurant.RestaurantCreated.v1.latitude-out-of-range", Rejection.INVALID_PAYLOAD));
    }

    @Test
    void rejectsWhatIsNotJson() {
        ReadResult result = reader.read("{\"eventId\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.NOT_JSON));
    }

    @Test
    void rejectsAnUnpublishedVersionButKeepsTheMetadataForParking() {
        String text = text("valid/order/OrderApproved.v1.json").replace("\"schemaVersion\": 1", "\"schemaVersion\": 7");

        ReadResult result = reader.read(text.getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Rejection.UNKNOWN_SCHEMA_VERSION);
            assertThat(rejected.detail()).contains("order.OrderApproved v7").contains("[1]");
            assertThat(rejected.metadata().aggregateId()).isEqualTo("b3e4f5a6-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
        });
    }

    @Test
    void rejectsAnUnknownEventType() {
        String text = text("valid/order/OrderApproved.v1.json").replace("order.OrderApproved", "order.OrderTeleported");

        assertThat(reader.read(text.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.UNKNOWN_EVENT_TYPE));
    }

    @Test
    void rejectsAPayloadWhoseIdIsNotTheAggregateId() {
        String text = text("valid/order/OrderApproved.v1.json")
            .replace("\"orderId\": \"b3e4f5a6-7c8d-4e9f-a0b1-c2d3e4f5a6b7\"", "\"orderId\": \"11111111-1111-4111-8111-111111111111\"");

        assertThat(reader.read(text.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.INCONSISTENT));
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String text = text("valid/order/OrderApproved.v1.json")
            .replace("\"payload\": {", "\"region\": \"eu-west\", \"payload\": {\"approvedBy\": \"chef\", ");

        assertThat(reader.read(text.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Accepted.class);
    }

    private static byte[] example(String path) {
        return text(path).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String path) {
        try (InputStream in = EventReaderTest.class.getClassLoader().getResourceAsStream(EXAMPLES + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
