package dev.panorama.delivery;

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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /snapshot} against real PostgreSQL: the export equals what folding each delivery's events gives,
 * the timeline included (one milestone per event, at the instant the event carries).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliverySnapshotIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(DeliverySnapshotIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.delivery.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RESTAURANT = "8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        kafka.createTopic(TOPIC, 3);
        String url = postgres.createDatabase(NAMESPACE.database("delivery")) + "?currentSchema=delivery";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("panorama.outbox.topics.delivery", () -> TOPIC);
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
    void theExportIsEveryDeliveryAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        String scheduled = schedule();
        String assigned = schedule();
        assertThat(send("POST", "/deliveries/" + assigned + "/courier", courier("courier-17", "Grace Hopper")).statusCode()).isEqualTo(200);
        String delivered = schedule();
        assertThat(send("POST", "/deliveries/" + delivered + "/courier", courier("courier-17", "Grace Hopper")).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/deliveries/" + delivered + "/courier", courier("courier-42", "Alan Turing")).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/deliveries/" + delivered + "/pickup", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/deliveries/" + delivered + "/delivered", null).statusCode()).isEqualTo(200);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = send("GET", "/snapshot", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<JsonNode> lines = ContractFiles.ndjson(response.body());
        assertThat(contracts.snapshotProblems(lines)).isEmpty();
        JsonNode header = lines.getFirst();
        assertThat(header.get("service").asString()).isEqualTo("delivery-service");
        assertThat(header.get("aggregateType").asString()).isEqualTo("delivery");
        assertThat(Instant.parse(header.get("takenAt").asString())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(header.get("outboxHighWaterMark").asLong()).isEqualTo(jdbc.sql("select max(position) from outbox").query(Long.class).single());
        assertThat(lines.getLast()).isEqualTo(JSON.readTree("{\"end\": true, \"records\": %d}".formatted(lines.size() - 2)));

        Map<String, JsonNode> records = new LinkedHashMap<>();
        lines.subList(1, lines.size() - 1).forEach(line -> records.put(line.get("aggregateId").asString(), line));
        assertThat(records.keySet()).containsExactlyElementsOf(jdbc.sql("select id::text from delivery order by id").query(String.class).list());
        assertThat(records.keySet()).contains(scheduled, assigned, delivered);
        for (JsonNode record : records.values()) {
            String id = record.get("aggregateId").asString();
            assertThat(record.get("aggregateVersion").asLong()).as(id)
                .isEqualTo(jdbc.sql("select version from delivery where id = ?::uuid").param(id).query(Long.class).single());
            assertThat(record.get("state")).as("the state of " + id + " is its events folded").isEqualTo(foldedFromOutbox(id));
        }
        JsonNode done = records.get(delivered);
        assertThat(done.get("aggregateVersion").asLong()).isEqualTo(5);
        assertThat(done.get("state").get("timeline")).extracting(milestone -> milestone.get("status").asString())
            .containsExactly("SCHEDULED", "COURIER_ASSIGNED", "COURIER_ASSIGNED", "PICKED_UP", "DELIVERED");
        assertThat(done.get("state").get("courierName").asString()).isEqualTo("Alan Turing");
        assertThat(records.get(scheduled).get("state").has("courierId")).isFalse();
        assertThat(records.get(scheduled).get("state").get("timeline")).hasSize(1);
    }

    /**
     * The state the delivery's events in the outbox fold to, as the view builder's StateFold folds them: every event
     * appends a milestone, at its occurredAt, or at pickedUpAt and deliveredAt for those two.
     */
    private JsonNode foldedFromOutbox(String deliveryId) {
        ObjectNode state = JSON.createObjectNode();
        List<OutboxRow> events = jdbc.sql("select event_type, payload::text, occurred_at from outbox where aggregate_id = ? order by aggregate_version")
            .param(deliveryId).query((row, n) -> new OutboxRow(row.getString(1), JSON.readTree(row.getString(2)),
                row.getObject(3, OffsetDateTime.class).toInstant().toString())).list();
        ArrayNode timeline = JSON.createArrayNode();
        for (OutboxRow event : events) {
            JsonNode payload = event.payload();
            switch (event.eventType()) {
                case "delivery.DeliveryScheduled" -> {
                    state.set("orderId", payload.get("orderId"));
                    state.set("restaurantId", payload.get("restaurantId"));
                    state.put("status", "SCHEDULED");
                    state.set("readyBy", payload.get("readyBy"));
                    state.set("deliveryAddress", payload.get("deliveryAddress"));
                    timeline.add(milestone("SCHEDULED", event.occurredAt()));
                }
                case "delivery.CourierAssigned" -> {
                    state.put("status", "COURIER_ASSIGNED").set("courierId", payload.get("courierId"));
                    state.set("courierName", payload.get("courierName"));
                    timeline.add(milestone("COURIER_ASSIGNED", event.occurredAt()));
                }
                case "delivery.DeliveryPickedUp" -> {
                    state.put("status", "PICKED_UP");
                    timeline.add(milestone("PICKED_UP", payload.get("pickedUpAt").asString()));
                }
                case "delivery.DeliveryDelivered" -> {
                    state.put("status", "DELIVERED");
                    timeline.add(milestone("DELIVERED", payload.get("deliveredAt").asString()));
                }
                default -> throw new IllegalStateException("unexpected " + event);
            }
        }
        state.set("timeline", timeline);
        return state;
    }

    private static ObjectNode milestone(String status, String at) {
        return JSON.createObjectNode().put("status", status).put("at", at);
    }

    private record OutboxRow(String eventType, JsonNode payload, String occurredAt) {
    }

    private String schedule() throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/deliveries", """
            {"orderId": "%s", "restaurantId": "%s",
             "deliveryAddress": {"street1": "1 Main Street", "street2": "Apt 4", "city": "Oakland", "postalCode": "94612", "country": "US"},
             "readyBy": "2026-11-08T19:30:00.25Z"}""".formatted(UUID.randomUUID(), RESTAURANT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("deliveryId").asString();
    }

    private static String courier(String courierId, String courierName) {
        return "{\"courierId\": \"%s\", \"courierName\": \"%s\"}".formatted(courierId, courierName);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
