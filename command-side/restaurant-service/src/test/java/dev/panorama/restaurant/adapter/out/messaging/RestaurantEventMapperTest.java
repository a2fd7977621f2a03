package dev.panorama.restaurant.adapter.out.messaging;

import dev.panorama.servicetesting.ContractFiles;
import dev.panorama.outbox.OutboxEvent;
import dev.panorama.restaurant.application.port.in.CorrelationId;
import dev.panorama.restaurant.domain.Address;
import dev.panorama.restaurant.domain.Cuisine;
import dev.panorama.restaurant.domain.GeoPoint;
import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.MenuItem;
import dev.panorama.restaurant.domain.MenuItemId;
import dev.panorama.restaurant.domain.Money;
import dev.panorama.restaurant.domain.OpeningHours;
import dev.panorama.restaurant.domain.OpeningPeriod;
import dev.panorama.restaurant.domain.RestaurantCreated;
import dev.panorama.restaurant.domain.RestaurantEvent;
import dev.panorama.restaurant.domain.RestaurantId;
import dev.panorama.restaurant.domain.RestaurantMenuRevised;
import dev.panorama.restaurant.domain.RestaurantName;
import dev.panorama.restaurant.domain.RestaurantOpeningHoursChanged;
import dev.panorama.restaurant.domain.RestaurantRenamed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.panorama.restaurant.domain.RestaurantFixtures.AJANTA;
import static dev.panorama.restaurant.domain.RestaurantFixtures.NOW;
import static dev.panorama.restaurant.domain.RestaurantFixtures.ajanta;
import static dev.panorama.restaurant.domain.RestaurantFixtures.berkeley;
import static dev.panorama.restaurant.domain.RestaurantFixtures.indian;
import static dev.panorama.restaurant.domain.RestaurantFixtures.menu;
import static dev.panorama.restaurant.domain.RestaurantFixtures.menuWithLassi;
import static dev.panorama.restaurant.domain.RestaurantFixtures.mondaysOnly;
import static dev.panorama.restaurant.domain.RestaurantFixtures.solanoAvenue;
import static dev.panorama.restaurant.domain.RestaurantFixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every event the service emits conforms to its schema in {@code panorama-schemas}, and matches the golden examples. */
class RestaurantEventMapperTest {

    private static final CorrelationId CORRELATION = new CorrelationId("7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1908");

    private final RestaurantEventMapper mapper = new RestaurantEventMapper();
    private final ContractFiles schemas = new ContractFiles();

    static List<RestaurantEvent> everyEvent() {
        Address longest = new Address("s".repeat(200), "t".repeat(200), "c".repeat(100), "p".repeat(20), "DE");
        OpeningHours fullest = new OpeningHours(IntStream.range(0, 28)
            .mapToObj(i -> new OpeningPeriod(DayOfWeek.of(i % 7 + 1), "%02d:00".formatted(i / 7 * 6), i / 7 == 3 ? "24:00" : "%02d:59".formatted(i / 7 * 6 + 5)))
            .toList());
        Menu largest = new Menu(IntStream.range(0, 500)
            .mapToObj(i -> new MenuItem(new MenuItemId("item." + i), "n".repeat(200), new Money(i == 0 ? "0.00" : "999999999.99", "EUR")))
            .toList());
        return List.of(
            new RestaurantCreated(UUID.randomUUID(), NOW, AJANTA, 1, ajanta(), indian(), berkeley(), solanoAvenue(), weekdays(), menu()),
            new RestaurantCreated(UUID.randomUUID(), NOW, RestaurantId.random(), 1, new RestaurantName("n".repeat(200)),
                Optional.of(new Cuisine("c".repeat(100))), new GeoPoint(-90, 180), longest, fullest, largest),
            new RestaurantCreated(UUID.randomUUID(), NOW, RestaurantId.random(), 1, new RestaurantName("X"), Optional.empty(),
                new GeoPoint(0, -180), new Address("1", null, "X", "1", "GB"), new OpeningHours(List.of()), menu()),
            new RestaurantRenamed(UUID.randomUUID(), NOW, AJANTA, 2, new RestaurantName("Ajanta Kitchen")),
            new RestaurantMenuRevised(UUID.randomUUID(), NOW, AJANTA, 3, menuWithLassi()),
            new RestaurantMenuRevised(UUID.randomUUID(), NOW, AJANTA, 5, largest),
            new RestaurantOpeningHoursChanged(UUID.randomUUID(), NOW, AJANTA, 4, mondaysOnly()),
            new RestaurantOpeningHoursChanged(UUID.randomUUID(), NOW, AJANTA, 6, new OpeningHours(List.of())));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEmittedEventConformsToEnvelopeAndPayloadSchema(RestaurantEvent event) {
        JsonNode envelope = ContractFiles.envelope(mapper.toOutboxEvent(event, CORRELATION));

        assertThat(schemas.problems(envelope)).isEmpty();
        assertThat(envelope.get("payload").get("restaurantId").asString()).isEqualTo(envelope.get("aggregateId").asString());
    }

    @Test
    void theSchemaCheckCatchesAPayloadThatBreaksTheContract() {
        ObjectNode envelope = (ObjectNode) ContractFiles.envelope(mapper.toOutboxEvent(everyEvent().getFirst(), CORRELATION));
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        ((ObjectNode) payload.get("menu").get("items").get(0).get("price")).put("amount", 12.34);
        ((ObjectNode) payload.get("openingHours").get(0)).put("closes", "24:30");
        payload.put("restaurantId", "not-a-uuid");

        assertThat(schemas.problems(envelope)).hasSize(3);
    }

    @Test
    void writesTheCurrentVersionOfEachEventTypeUnderItsWireName() {
        List<OutboxEvent> mapped = everyEvent().stream().map(event -> mapper.toOutboxEvent(event, CORRELATION)).toList();

        assertThat(mapped).extracting(OutboxEvent::eventType, OutboxEvent::schemaVersion).containsExactly(
            tuple("restaurant.RestaurantCreated", 1),
            tuple("restaurant.RestaurantCreated", 1),
            tuple("restaurant.RestaurantCreated", 1),
            tuple("restaurant.RestaurantRenamed", 1),
            tuple("restaurant.RestaurantMenuRevised", 1),
            tuple("restaurant.RestaurantMenuRevised", 1),
            tuple("restaurant.RestaurantOpeningHoursChanged", 1),
            tuple("restaurant.RestaurantOpeningHoursChanged", 1));
        assertThat(mapped).extracting(OutboxEvent::aggregateType).containsOnly("restaurant");
        assertThat(mapped).extracting(OutboxEvent::aggregateVersion).containsExactly(1L, 1L, 1L, 2L, 3L, 5L, 4L, 6L);
    }

    @Test
    void leavesAnAbsentCuisineAndSecondStreetLineOutAndWritesMoneyAsStrings() {
        JsonNode payload = mapper.toOutboxEvent(everyEvent().get(2), CORRELATION).payload();

        assertThat(payload.has("cuisine")).isFalse();
        assertThat(payload.get("address").has("street2")).isFalse();
        JsonNode price = payload.get("menu").get("items").get(1).get("price");
        assertThat(price.get("amount").isString()).isTrue();
        assertThat(price.get("amount").asString()).isEqualTo("3.50");
    }

    @Test
    void reproducesTheGoldenRestaurantCreatedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/restaurant/RestaurantCreated.v1.json");
        JsonNode payload = golden.get("payload");
        JsonNode address = payload.get("address");
        RestaurantCreated event = new RestaurantCreated(eventId(golden), occurredAt(golden), restaurantId(golden),
            golden.get("aggregateVersion").asLong(), new RestaurantName(payload.get("name").asString()),
            Optional.of(new Cuisine(payload.get("cuisine").asString())),
            new GeoPoint(payload.get("location").get("lat").asDouble(), payload.get("location").get("lon").asDouble()),
            new Address(address.get("street1").asString(), address.has("street2") ? address.get("street2").asString() : null,
                address.get("city").asString(), address.get("postalCode").asString(), address.get("country").asString()),
            openingHoursOf(payload.get("openingHours")), menuOf(payload.get("menu")));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenRestaurantRenamedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/restaurant/RestaurantRenamed.v1.json");
        RestaurantRenamed event = new RestaurantRenamed(eventId(golden), occurredAt(golden), restaurantId(golden),
            golden.get("aggregateVersion").asLong(), new RestaurantName(golden.get("payload").get("name").asString()));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenRestaurantMenuRevisedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/restaurant/RestaurantMenuRevised.v1.json");
        RestaurantMenuRevised event = new RestaurantMenuRevised(eventId(golden), occurredAt(golden), restaurantId(golden),
            golden.get("aggregateVersion").asLong(), menuOf(golden.get("payload").get("menu")));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    @Test
    void reproducesTheGoldenRestaurantOpeningHoursChangedExample() {
        JsonNode golden = ContractFiles.read("examples/valid/restaurant/RestaurantOpeningHoursChanged.v1.json");
        RestaurantOpeningHoursChanged event = new RestaurantOpeningHoursChanged(eventId(golden), occurredAt(golden), restaurantId(golden),
            golden.get("aggregateVersion").asLong(), openingHoursOf(golden.get("payload").get("openingHours")));

        assertThat(ContractFiles.envelope(mapper.toOutboxEvent(event, correlation(golden)))).isEqualTo(golden);
    }

    private static UUID eventId(JsonNode golden) {
        return UUID.fromString(golden.get("eventId").asString());
    }

    private static Instant occurredAt(JsonNode golden) {
        return Instant.parse(golden.get("occurredAt").asString());
    }

    private static RestaurantId restaurantId(JsonNode golden) {
        return new RestaurantId(UUID.fromString(golden.get("aggregateId").asString()));
    }

    private static CorrelationId correlation(JsonNode golden) {
        return new CorrelationId(golden.get("correlationId").asString());
    }

    private static OpeningHours openingHoursOf(JsonNode periods) {
        return new OpeningHours(periods.valueStream()
            .map(period -> new OpeningPeriod(DayOfWeek.valueOf(period.get("dayOfWeek").asString()), period.get("opens").asString(),
                period.get("closes").asString()))
            .toList());
    }

    private static Menu menuOf(JsonNode menu) {
        return new Menu(menu.get("items").valueStream()
            .map(item -> new MenuItem(new MenuItemId(item.get("menuItemId").asString()), item.get("name").asString(),
                new Money(item.get("price").get("amount").asString(), item.get("price").get("currency").asString())))
            .toList());
    }
}
