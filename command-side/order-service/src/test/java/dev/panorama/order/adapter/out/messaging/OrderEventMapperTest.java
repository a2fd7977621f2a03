package dev.panorama.order.adapter.out.messaging;

import dev.panorama.order.application.port.in.CorrelationId;
import dev.panorama.order.domain.Address;
import dev.panorama.order.domain.ConsumerId;
import dev.panorama.order.domain.LineItem;
import dev.panorama.order.domain.LineItems;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.Money;
import dev.panorama.order.domain.OrderApproved;
import dev.panorama.order.domain.OrderCancelled;
import dev.panorama.order.domain.OrderCreated;
import dev.panorama.order.domain.OrderEvent;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.OrderRejected;
import dev.panorama.order.domain.OrderRevised;
import dev.panorama.order.domain.Reason;
import dev.panorama.order.domain.RestaurantId;
import dev.panorama.outbox.OutboxEvent;
import dev.panorama.servicetesting.ContractFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.panorama.order.domain.OrderFixtures.CONSUMER;
import static dev.panorama.order.domain.OrderFixtures.DELIVER_AT;
import static dev.panorama.order.domain.OrderFixtures.NOW;
import static dev.panorama.order.domain.OrderFixtures.ORDER;
import static dev.panorama.order.domain.OrderFixtures.RESTAURANT;
import static dev.panorama.order.domain.OrderFixtures.goldenLines;
import static dev.panorama.order.domain.OrderFixtures.mainStreet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every event the service emits conforms to its schema in {@code panorama-schemas}, and matches the golden examples. */
class OrderEventMapperTest {

    private static final CorrelationId CORRELATION = new CorrelationId("7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1908");

    private final OrderEventMapper mapper = new OrderEventMapper();
    private final ContractFiles schemas = new ContractFiles();

    static List<OrderEvent> everyEvent() {
        Address longest = new Address("s".repeat(200), "t".repeat(200), "c".repeat(100), "p".repeat(20), "DE");
        LineItems largest = new LineItems(IntStream.range(0, 100)
            .mapToObj(i -> new LineItem(new MenuItemId("x".repeat(60) + "." + i), "n".repeat(200), 100, new Money(i == 0 ? "99999.99" : "0.00", "EUR")))
            .toList());
        LineItems dearest = new LineItems(List.of(new LineItem(new MenuItemId("gold"), "Gold", 1, new Money("999999999.99", "JPY"))));
        Reason longestReason = new Reason("r".repeat(500));
        return List.of(
            new OrderCreated(UUID.randomUUID(), NOW, ORDER, 1, CONSUMER, RESTAURANT, goldenLines(), mainStreet(), DELIVER_AT),
            new OrderCreated(UUID.randomUUID(), NOW, OrderId.random(), 1, ConsumerId.random(), RestaurantId.random(), largest, longest,
                Instant.parse("2026-11-08T19:45:00.123456Z")),
            new OrderCreated(UUID.randomUUID(), NOW, OrderId.random(), 1, ConsumerId.random(), RestaurantId.random(), dearest,
                new Address("1", " ", "X", "1", "GB"), DELIVER_AT),
            new OrderRevised(UUID.randomUUID(), NOW, ORDER, 2, goldenLines()),
            new OrderRevised(UUID.randomUUID(), NOW, ORDER, 7, largest),
            new OrderApproved(UUID.randomUUID(), NOW, ORDER, 3),
            new OrderRejected(UUID.randomUUID(), NOW, ORDER, 2, new Reason("x")),
            new OrderRejected(UUID.randomUUID(), NOW, ORDER, 2, longestReason),
            new OrderCancelled(UUID.randomUUID(), NOW, ORDER, 4, new Reason("Ordered by mistake.")),
            new OrderCancelled(UUID.randomUUID(), NOW, ORDER, 9, longestReason));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEmittedEventConformsToEnvelopeAndPayloadSchema(OrderEvent event) {
        JsonNode envelope = ContractFiles.envelope(mapper.toOutboxEvent(event, CORRELATION));

        assertThat(schemas.problems(envelope)).isEmpty();
        assertThat(envelope.get("payload").get("orderId").asString()).isEqualTo(envelope.get("aggregateId").asString());
    }

    @Test
    void theSchemaCheckCatchesAPayloadThatBreaksTheContract() {
        ObjectNode envelope = (ObjectNode) ContractFiles.envelope(mapper.toOutboxEvent(everyEvent().getFirst(), CORRELATION));
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        payload.set("orderTotal", ContractFiles.JSON.createObjectNode().put("amount", 28.18).put("currency", "USD"));
        ((ObjectNode) payload.get("lineItems").get(0)).put("quantity", 0);
        payload.put("deliverAt", "tomorrow");

        assertThat(schemas.problems(envelope)).hasSize(3);
    }

    @Test
    void writesTheCurrentVersionOfEachEventTypeUnderItsWireName() {
        List<OutboxEvent> mapped = everyEvent().stream().map(event -> mapper.toOutboxEvent(event, CORRELATION)).toList();

        assertThat(mapped).extracting(OutboxEvent::eventType, OutboxEvent::schemaVersion).containsExactly(
            tuple("order.OrderCreated", 1),
            tuple("order.OrderCreated", 1),
            tuple("order.OrderCreated", 1),
            tuple("order.OrderRevised", 1),
            tuple("order.OrderRevised", 1),
            tuple("order.OrderApproved", 1),
            tuple("order.OrderRejected", 1),
            tuple("order.OrderRejected", 1),
            tuple("order.OrderCancelled", 1),
            tuple("order.OrderCancelled", 1));
        assertThat(mapped).extracting(OutboxEvent::aggregateType).containsOnly("order");
        assertThat(mapped).extracting(OutboxEvent::aggregateVersion).containsExactly(1L, 1L, 1L, 2L, 7L, 3L, 2L, 2L, 4L, 9L);
        assertThat(mapped).extracting(OutboxEvent::correlationId).containsOnly(CORRELATION.value());
    }

    @Test
    void writesMoneyAsStringsWithTwoFractionDigitsAndLeavesAnAbsentSecondStreetLineOut() {
        JsonNode payload = mapper.toOutboxEvent(everyEvent().get(1), CORRELATION).payload();

        assertThat(payload.get("orderTotal").get("amount").isString()).isTrue();
        assertThat(payload.get("orderTotal").get("amount").asString()).as("99999.99 × 100").isEqualTo("9999999.00");
        assertThat(payload.get("lineItems").get(0).get("unitPrice").get("amount").asString()).isEqualTo("99999.99");
        assertThat(payload.get("lineItems").get(1).get("unitPrice").get("amount").asString()).isEqualTo("0.00");
        assertThat(payload.get("deliverAt").asString()).isEqualTo("2026-11-08T19:45:00.123456Z");
        assertThat(mapper.toOutboxEvent(everyEvent().get(2), CORRELATION).payload().get("deliveryAddress").has("street2")).isFalse();
    }

    @Test
    void reproducesTheGoldenOrderCreatedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/order/OrderCreated.v1.json");
        JsonNode payload = golden.get("payload");
        JsonNode address = payload.get("deliveryAddress");
        OrderCreated event = new OrderCreated(eventId(golden), occurredAt(golden), orderId(golden), golden.get("aggregateVersion").asLong(),
            new ConsumerId(UUID.fromString(payload.get("consumerId").asString())),
            new RestaurantId(UUID.fromString(payload.get("restaurantId").asString())), lineItemsOf(payload.get("lineItems")),
            new Address(address.get("street1").asString(), address.has("street2") ? address.get("street2").asString() : null,
                address.get("city").asString(), address.get("postalCode").asString(), address.get("country").asString()),
            Instant.parse(payload.get("deliverAt").asString()));

        assertThat(event.orderTotal().amount()).as("computed, not copied").isEqualTo(payload.get("orderTotal").get("amount").asString());
        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenOrderRevisedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/order/OrderRevised.v1.json");
        OrderRevised event = new OrderRevised(eventId(golden), occurredAt(golden), orderId(golden), golden.get("aggregateVersion").asLong(),
            lineItemsOf(golden.get("payload").get("lineItems")));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenOrderApprovedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/order/OrderApproved.v1.json");
        OrderApproved event = new OrderApproved(eventId(golden), occurredAt(golden), orderId(golden), golden.get("aggregateVersion").asLong());

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenOrderRejectedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/order/OrderRejected.v1.json");
        OrderRejected event = new OrderRejected(eventId(golden), occurredAt(golden), orderId(golden), golden.get("aggregateVersion").asLong(),
            new Reason(golden.get("payload").get("reason").asString()));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenOrderCancelledExample() {
        JsonNode golden = ContractFiles.read("examples/valid/order/OrderCancelled.v1.json");
        OrderCancelled event = new OrderCancelled(eventId(golden), occurredAt(golden), orderId(golden), golden.get("aggregateVersion").asLong(),
            new Reason(golden.get("payload").get("reason").asString()));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    private static UUID eventId(JsonNode golden) {
        return UUID.fromString(golden.get("eventId").asString());
    }

    private static Instant occurredAt(JsonNode golden) {
        return Instant.parse(golden.get("occurredAt").asString());
    }

    private static OrderId orderId(JsonNode golden) {
        return new OrderId(UUID.fromString(golden.get("aggregateId").asString()));
    }

    private static CorrelationId correlation(JsonNode golden) {
        return new CorrelationId(golden.get("correlationId").asString());
    }

    private static LineItems lineItemsOf(JsonNode lines) {
        return new LineItems(lines.valueStream()
            .map(line -> new LineItem(new MenuItemId(line.get("menuItemId").asString()), line.get("name").asString(), line.get("quantity").asInt(),
                new Money(line.get("unitPrice").get("amount").asString(), line.get("unitPrice").get("currency").asString())))
            .toList());
    }
}
