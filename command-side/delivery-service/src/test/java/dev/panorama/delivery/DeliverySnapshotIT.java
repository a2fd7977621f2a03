package dev.panorama.delivery;

import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.servicetesting.CommandHttp;
import dev.panorama.servicetesting.CommandServiceEngines;
import dev.panorama.servicetesting.SnapshotDownload;
import dev.panorama.servicetesting.SnapshotDownload.OutboxRow;
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
import java.net.http.HttpResponse;
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
    private static final String RESTAURANT = "8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        CommandServiceEngines.register(registry, NAMESPACE, "delivery", "delivery", TOPIC);
        SnapshotDownload.fetchInPairs(registry);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private final CommandHttp http = new CommandHttp(() -> port);
    private final SnapshotDownload snapshots = new SnapshotDownload(() -> port, () -> jdbc);

    @Test
    void theExportIsEveryDeliveryAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        String scheduled = schedule();
        String assigned = schedule();
        assertCommand("/deliveries/" + assigned + "/courier", courier("courier-17", "Grace Hopper"));
        String delivered = schedule();
        assertCommand("/deliveries/" + delivered + "/courier", courier("courier-17", "Grace Hopper"));
        assertCommand("/deliveries/" + delivered + "/courier", courier("courier-42", "Alan Turing"));
        assertCommand("/deliveries/" + delivered + "/pickup", null);
        assertCommand("/deliveries/" + delivered + "/delivered", null);

        Map<String, JsonNode> records = snapshots.assertCurrent("delivery-service", "delivery", "delivery", DeliverySnapshotIT::fold).records();

        assertThat(records.keySet()).contains(scheduled, assigned, delivered);
        JsonNode done = records.get(delivered);
        assertThat(done.get("aggregateVersion").asLong()).isEqualTo(5);
        assertThat(done.get("state").get("timeline")).extracting(milestone -> milestone.get("status").asString())
            .containsExactly("SCHEDULED", "COURIER_ASSIGNED", "COURIER_ASSIGNED", "PICKED_UP", "DELIVERED");
        assertThat(done.get("state").get("courierName").asString()).isEqualTo("Alan Turing");
        assertThat(records.get(scheduled).get("state").has("courierId")).isFalse();
        assertThat(records.get(scheduled).get("state").get("timeline")).hasSize(1);
    }

    /**
     * The state a delivery's events in the outbox fold to, as the view builder's StateFold folds them: every event
     * appends a milestone, at its occurredAt, or at pickedUpAt and deliveredAt for those two.
     */
    private static JsonNode fold(List<OutboxRow> events) {
        ObjectNode state = JSON.createObjectNode();
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

    private String schedule() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", "/deliveries", """
            {"orderId": "%s", "restaurantId": "%s",
             "deliveryAddress": {"street1": "1 Main Street", "street2": "Apt 4", "city": "Oakland", "postalCode": "94612", "country": "US"},
             "readyBy": "2026-11-08T19:30:00.25Z"}""".formatted(UUID.randomUUID(), RESTAURANT), null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("deliveryId").asString();
    }

    private void assertCommand(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", path, body, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String courier(String courierId, String courierName) {
        return "{\"courierId\": \"%s\", \"courierName\": \"%s\"}".formatted(courierId, courierName);
    }
}
