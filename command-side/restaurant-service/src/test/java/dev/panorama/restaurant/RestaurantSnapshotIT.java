package dev.panorama.restaurant;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.servicetesting.ContractFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /snapshot} against real PostgreSQL: the export equals what folding each restaurant's events gives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestaurantSnapshotIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(RestaurantSnapshotIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.restaurant.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String MENU = """
        {"items": [{"menuItemId": "chicken-vindaloo", "name": "Chicken Vindaloo", "price": {"amount": "12.34", "currency": "USD"}},
                   {"menuItemId": "garlic-naan", "name": "Garlic Naan", "price": {"amount": "3.50", "currency": "USD"}}]}""";
    private static final String AJANTA = """
        {"name": "Ajanta", "cuisine": "Indian", "location": {"lat": 37.8044, "lon": -122.2712},
         "address": {"street1": "1888 Solano Avenue", "city": "Berkeley", "postalCode": "94707", "country": "US"},
         "openingHours": [{"dayOfWeek": "MONDAY", "opens": "11:00", "closes": "23:00"}, {"dayOfWeek": "SATURDAY", "opens": "18:00", "closes": "02:00"}],
         "menu": %s}""".formatted(MENU);
    private static final String NAMELESS_CUISINE = """
        {"name": "Corner Cafe", "location": {"lat": -33.8688, "lon": 151.2093},
         "address": {"street1": "1 George Street", "street2": "Shop 2", "city": "Sydney", "postalCode": "2000", "country": "AU"},
         "openingHours": [], "menu": {"items": [{"menuItemId": "flat-white", "name": "Flat White", "price": {"amount": "4.50", "currency": "AUD"}}]}}""";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        kafka.createTopic(TOPIC, 3);
        String url = postgres.createDatabase(NAMESPACE.database("restaurant")) + "?currentSchema=restaurant";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("panorama.outbox.topics.restaurant", () -> TOPIC);
        registry.add("panorama.outbox.relay.bootstrap-servers", kafka::bootstrapServers);
        registry.add("panorama.outbox.relay.poll-interval", () -> "1s");
        registry.add("panorama.snapshot.fetch-size", () -> "2");
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private final ContractFiles contracts = new ContractFiles();

    @Test
    void theExportIsEveryRestaurantAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        String ajanta = create(AJANTA);
        String cafe = create(NAMELESS_CUISINE);
        String revised = create(AJANTA);
        assertThat(send("PUT", "/restaurants/" + ajanta + "/name", "{\"name\": \"Ajanta Kitchen\"}").statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/restaurants/" + revised + "/menu", MENU.replace("12.34", "13.00")).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/restaurants/" + revised + "/opening-hours", "{\"openingHours\": []}").statusCode()).isEqualTo(200);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = send("GET", "/snapshot", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<JsonNode> lines = ContractFiles.ndjson(response.body());
        assertThat(contracts.snapshotProblems(lines)).isEmpty();
        JsonNode header = lines.getFirst();
        assertThat(header.get("service").asString()).isEqualTo("restaurant-service");
        assertThat(header.get("aggregateType").asString()).isEqualTo("restaurant");
        assertThat(Instant.parse(header.get("takenAt").asString())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(header.get("outboxHighWaterMark").asLong()).isEqualTo(jdbc.sql("select max(position) from outbox").query(Long.class).single());
        assertThat(lines.getLast()).isEqualTo(JSON.readTree("{\"end\": true, \"records\": %d}".formatted(lines.size() - 2)));

        Map<String, JsonNode> records = new LinkedHashMap<>();
        lines.subList(1, lines.size() - 1).forEach(line -> records.put(line.get("aggregateId").asString(), line));
        assertThat(records.keySet()).containsExactlyElementsOf(jdbc.sql("select id::text from restaurant order by id").query(String.class).list());
        for (JsonNode record : records.values()) {
            String id = record.get("aggregateId").asString();
            assertThat(record.get("aggregateVersion").asLong()).as(id)
                .isEqualTo(jdbc.sql("select version from restaurant where id = ?::uuid").param(id).query(Long.class).single());
            assertThat(record.get("state")).as("the state of " + id + " is its events folded").isEqualTo(foldedFromOutbox(id));
        }
        assertThat(records.get(cafe).get("state").has("cuisine")).isFalse();
        assertThat(records.get(cafe).get("state").get("address").get("street2").asString()).isEqualTo("Shop 2");
        assertThat(records.get(ajanta).get("state").get("name").asString()).isEqualTo("Ajanta Kitchen");
        assertThat(records.get(revised).get("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(records.get(revised).get("state").get("menu").get("items").get(0).get("price").get("amount").asString()).isEqualTo("13.00");
    }

    /** The state the restaurant's events in the outbox fold to, as the view builder folds them. */
    private JsonNode foldedFromOutbox(String restaurantId) {
        ObjectNode state = JSON.createObjectNode();
        List<OutboxRow> events = jdbc.sql("select event_type, payload::text from outbox where aggregate_id = ? order by aggregate_version")
            .param(restaurantId).query((row, n) -> new OutboxRow(row.getString(1), JSON.readTree(row.getString(2)))).list();
        for (OutboxRow event : events) {
            ObjectNode payload = (ObjectNode) event.payload();
            switch (event.eventType()) {
                case "restaurant.RestaurantCreated" -> {
                    state.setAll(payload);
                    state.remove("restaurantId");
                }
                case "restaurant.RestaurantRenamed" -> state.set("name", payload.get("name"));
                case "restaurant.RestaurantMenuRevised" -> state.set("menu", payload.get("menu"));
                case "restaurant.RestaurantOpeningHoursChanged" -> state.set("openingHours", payload.get("openingHours"));
                default -> throw new IllegalStateException("unexpected " + event);
            }
        }
        return state;
    }

    private record OutboxRow(String eventType, JsonNode payload) {
    }

    private String create(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/restaurants", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("restaurantId").asString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
