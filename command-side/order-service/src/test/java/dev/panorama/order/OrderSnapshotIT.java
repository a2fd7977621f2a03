package dev.panorama.order;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.servicetesting.CommandHttp;
import dev.panorama.servicetesting.SnapshotDownload;
import dev.panorama.servicetesting.SnapshotDownload.OutboxRow;
import org.junit.jupiter.api.AutoClose;
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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
    @AutoClose
    private static final RestaurantEvents RESTAURANTS = new RestaurantEvents(Engines.shared().kafka(), RESTAURANT_TOPIC);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        OrderServiceEngines.register(registry, NAMESPACE, ORDER_TOPIC, RESTAURANT_TOPIC);
        SnapshotDownload.fetchInPairs(registry);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private final CommandHttp http = new CommandHttp(() -> port);
    private final SnapshotDownload snapshots = new SnapshotDownload(() -> port, () -> jdbc);

    @Test
    void theExportIsEveryOrderAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        UUID restaurant = UUID.randomUUID();
        RESTAURANTS.created(restaurant);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from restaurant_replica where id = ?").param(restaurant)
            .query(Long.class).single() == 1);
        String pending = create(restaurant, "[{\"menuItemId\": \"chicken-vindaloo\", \"quantity\": 2}, {\"menuItemId\": \"garlic-naan\", \"quantity\": 1}]");
        String approved = create(restaurant, "[{\"menuItemId\": \"garlic-naan\", \"quantity\": 1}]");
        assertCommand("PUT", "/orders/" + approved + "/line-items", "{\"lineItems\": [{\"menuItemId\": \"mango-lassi\", \"quantity\": 3}]}");
        assertCommand("POST", "/orders/" + approved + "/approve", null);
        String rejected = create(restaurant, "[{\"menuItemId\": \"wine\", \"quantity\": 2}]");
        assertCommand("POST", "/orders/" + rejected + "/reject", "{\"reason\": \"The restaurant is closed.\"}");
        String cancelled = create(restaurant, "[{\"menuItemId\": \"garlic-naan\", \"quantity\": 4}]");
        assertCommand("POST", "/orders/" + cancelled + "/approve", null);
        assertCommand("POST", "/orders/" + cancelled + "/cancel", "{\"reason\": \"Ordered by mistake.\"}");

        Map<String, JsonNode> records = snapshots.assertCurrent("order-service", "order", "orders", OrderSnapshotIT::fold).records();

        assertThat(records.keySet()).contains(pending, approved, rejected, cancelled);
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
     * The state an order's events in the outbox fold to, as the view builder's StateFold folds them: the
     * creation sets everything and both times, every later event sets updatedAt to its occurredAt.
     */
    private static JsonNode fold(List<OutboxRow> events) {
        ObjectNode state = JSON.createObjectNode();
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

    private String create(UUID restaurant, String lineItems) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", "/orders", """
            {"consumerId": "5f0c9a8e-3b1d-4c2e-9a57-1c2d3e4f5a61", "restaurantId": "%s", "lineItems": %s,
             "deliveryAddress": {"street1": "1 Main Street", "street2": "Apt 4", "city": "Oakland", "postalCode": "94612", "country": "US"},
             "deliverAt": "2026-11-08T19:45:00.5Z"}""".formatted(restaurant, lineItems), null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    private void assertCommand(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(method, path, body, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
