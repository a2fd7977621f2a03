package dev.panorama.order;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.servicetesting.ContractFiles;
import org.junit.jupiter.api.AfterAll;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /snapshot} against real PostgreSQL: the export equals what folding each order's events gives,
 * {@code createdAt} and {@code updatedAt} included (the events' {@code occurredAt}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderSnapshotIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(OrderSnapshotIT.class);
    private static final String ORDER_TOPIC = NAMESPACE.topic("ftgo.order.events");
    private static final String RESTAURANT_TOPIC = NAMESPACE.topic("ftgo.restaurant.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final RestaurantEvents RESTAURANTS = new RestaurantEvents(Engines.shared().kafka(), RESTAURANT_TOPIC);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        kafka.createTopic(ORDER_TOPIC, 3);
        kafka.createTopic(RESTAURANT_TOPIC, 3);
        String url = postgres.createDatabase(NAMESPACE.database("orders")) + "?currentSchema=orders";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("panorama.order.restaurant-replica.topic", () -> RESTAURANT_TOPIC);
        registry.add("panorama.order.restaurant-replica.group-id", () -> NAMESPACE.group("order-service"));
        registry.add("panorama.outbox.topics.order", () -> ORDER_TOPIC);
        registry.add("panorama.outbox.relay.bootstrap-servers", kafka::bootstrapServers);
        registry.add("panorama.outbox.relay.poll-interval", () -> "1s");
        registry.add("panorama.snapshot.fetch-size", () -> "2");
    }

    @AfterAll
    static void closeProducer() {
        RESTAURANTS.close();
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private final ContractFiles contracts = new ContractFiles();

    @Test
    void theExportIsEveryOrderAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        UUID restaurant = UUID.randomUUID();
        RESTAURANTS.created(restaurant);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from restaurant_replica where id = ?").param(restaurant)
            .query(Long.class).single() == 1);
        String pending = create(restaurant, "[{\"menuItemId\": \"chicken-vindaloo\", \"quantity\": 2}, {\"menuItemId\": \"garlic-naan\", \"quantity\": 1}]");
        String approved = create(restaurant, "[{\"menuItemId\": \"garlic-naan\", \"quantity\": 1}]");
        assertThat(send("PUT", "/orders/" + approved + "/line-items", "{\"lineItems\": [{\"menuItemId\": \"mango-lassi\", \"quantity\": 3}]}")
            .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/orders/" + approved + "/approve", null).statusCode()).isEqualTo(200);
        String rejected = create(restaurant, "[{\"menuItemId\": \"wine\", \"quantity\": 2}]");
        assertThat(send("POST", "/orders/" + rejected + "/reject", "{\"reason\": \"The restaurant is closed.\"}").statusCode()).isEqualTo(200);
        String cancelled = create(restaurant, "[{\"menuItemId\": \"garlic-naan\", \"quantity\": 4}]");
        assertThat(send("POST", "/orders/" + cancelled + "/approve", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/orders/" + cancelled + "/cancel", "{\"reason\": \"Ordered by mistake.\"}").statusCode()).isEqualTo(200);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = send("GET", "/snapshot", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<JsonNode> lines = ContractFiles.ndjson(response.body());
        assertThat(contracts.snapshotProblems(lines)).isEmpty();
        JsonNode header = lines.getFirst();
        assertThat(header.get("service").asString()).isEqualTo("order-service");
        assertThat(header.get("aggregateType").asString()).isEqualTo("order");
        assertThat(Instant.parse(header.get("takenAt").asString())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(header.get("outboxHighWaterMark").asLong()).isEqualTo(jdbc.sql("select max(position) from outbox").query(Long.class).single());
        assertThat(lines.getLast()).isEqualTo(JSON.readTree("{\"end\": true, \"records\": %d}".formatted(lines.size() - 2)));

        Map<String, JsonNode> records = new LinkedHashMap<>();
        lines.subList(1, lines.size() - 1).forEach(line -> records.put(line.get("aggregateId").asString(), line));
        assertThat(records.keySet()).containsExactlyElementsOf(jdbc.sql("select id::text from orders order by id").query(String.class).list());
        assertThat(records.keySet()).contains(pending, approved, rejected, cancelled);
        for (JsonNode record : records.values()) {
            String id = record.get("aggregateId").asString();
            assertThat(record.get("aggregateVersion").asLong()).as(id)
                .isEqualTo(jdbc.sql("select version from orders where id = ?::uuid").param(id).query(Long.class).single());
            assertThat(record.get("state")).as("the state of " + id + " is its events folded").isEqualTo(foldedFromOutbox(id));
        }
        JsonNode approvedState = records.get(approved).get("state");
        assertThat(records.get(approved).get("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(approvedState.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approvedState.has("statusReason")).isFalse();
        assertThat(approvedState.get("orderTotal")).isEqualTo(JSON.readTree("{\"amount\": \"12.75\", \"currency\": \"USD\"}"));
        assertThat(Instant.parse(approvedState.get("updatedAt").asString())).isAfter(Instant.parse(approvedState.get("createdAt").asString()));
        assertThat(records.get(rejected).get("state").get("statusReason").asString()).isEqualTo("The restaurant is closed.");
        assertThat(records.get(rejected).get("state").get("orderTotal")).isEqualTo(JSON.readTree("{\"amount\": \"18.00\", \"currency\": \"EUR\"}"));
        assertThat(records.get(cancelled).get("state").get("status").asString()).isEqualTo("CANCELLED");
        assertThat(records.get(pending).get("state").get("createdAt")).isEqualTo(records.get(pending).get("state").get("updatedAt"));
    }

    /**
     * The state the order's events in the outbox fold to, as the view builder's StateFold folds them: the
     * creation sets everything and both times, every later event sets updatedAt to its occurredAt.
     */
    private JsonNode foldedFromOutbox(String orderId) {
        ObjectNode state = JSON.createObjectNode();
        List<OutboxRow> events = jdbc.sql("select event_type, payload::text, occurred_at from outbox where aggregate_id = ? order by aggregate_version")
            .param(orderId).query((row, n) -> new OutboxRow(row.getString(1), JSON.readTree(row.getString(2)),
                row.getObject(3, OffsetDateTime.class).toInstant().toString())).list();
        for (OutboxRow event : events) {
            JsonNode payload = event.payload();
            switch (event.eventType()) {
                case "order.OrderCreated" -> {
                    state.set("consumerId", payload.get("consumerId"));
                    state.set("restaurantId", payload.get("restaurantId"));
                    state.put("status", "APPROVAL_PENDING");
                    state.set("lineItems", payload.get("lineItems"));
                    state.set("orderTotal", payload.get("orderTotal"));
                    state.set("deliveryAddress", payload.get("deliveryAddress"));
                    state.put("createdAt", event.occurredAt());
                    state.set("deliverAt", payload.get("deliverAt"));
                }
                case "order.OrderRevised" -> {
                    state.set("lineItems", payload.get("lineItems"));
                    state.set("orderTotal", payload.get("orderTotal"));
                }
                case "order.OrderApproved" -> state.put("status", "APPROVED");
                case "order.OrderRejected" -> state.put("status", "REJECTED").set("statusReason", payload.get("reason"));
                case "order.OrderCancelled" -> state.put("status", "CANCELLED").set("statusReason", payload.get("reason"));
                default -> throw new IllegalStateException("unexpected " + event);
            }
            state.put("updatedAt", event.occurredAt());
        }
        return state;
    }

    private record OutboxRow(String eventType, JsonNode payload, String occurredAt) {
    }

    private String create(UUID restaurant, String lineItems) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/orders", """
            {"consumerId": "5f0c9a8e-3b1d-4c2e-9a57-1c2d3e4f5a61", "restaurantId": "%s", "lineItems": %s,
             "deliveryAddress": {"street1": "1 Main Street", "street2": "Apt 4", "city": "Oakland", "postalCode": "94612", "country": "US"},
             "deliverAt": "2026-11-08T19:45:00.5Z"}""".formatted(restaurant, lineItems));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
