package dev.panorama.delivery;

import dev.panorama.servicetesting.CommandHttp;
import dev.panorama.servicetesting.CommandServiceEngines;
import dev.panorama.servicetesting.TopicRecords;
import dev.panorama.servicetesting.TopicRecords.Published;
import dev.panorama.delivery.application.port.out.DeliveryRepository;
import dev.panorama.delivery.domain.Courier;
import dev.panorama.delivery.domain.Delivery;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.panorama.servicetesting.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service over HTTP against real PostgreSQL and Kafka: commands, their answers, and the events on the topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryServiceIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(DeliveryServiceIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.delivery.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESTAURANT = "8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        CommandServiceEngines.register(registry, NAMESPACE, "delivery", "delivery", TOPIC);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DeliveryRepository deliveries;

    @Autowired
    private TransactionTemplate transactions;

    private final TopicRecords topic = new TopicRecords(Engines.shared().kafka(), TOPIC);
    private final CommandHttp http = new CommandHttp(() -> port);

    @Test
    void schedulesAtVersionOneAndPublishesTheScheduleKeyedByDeliveryId() throws Exception {
        String orderId = UUID.randomUUID().toString();

        HttpResponse<String> response = http.send("POST", "/deliveries", schedule(orderId), null, null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("deliveryId").asString();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(response.headers().firstValue("Location")).hasValue("/deliveries/" + id);
        assertThat(storedVersion(id)).as("Spring Data JDBC's @Version is the aggregate version").isEqualTo(1);

        Published record = topic.awaitWithKey(id, 1).getFirst();
        assertThat(record.value().get("eventType").asString()).isEqualTo("delivery.DeliveryScheduled");
        assertThat(record.value().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(record.value().get("aggregateType").asString()).isEqualTo("delivery");
        assertThat(record.value().get("aggregateId").asString()).isEqualTo(id);
        assertThat(record.value().get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(record.value().get("payload")).isEqualTo(JSON.readTree("""
            {"deliveryId": "%s", "orderId": "%s", "restaurantId": "%s",
             "deliveryAddress": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"},
             "readyBy": "2026-11-08T19:30:00Z"}""".formatted(id, orderId, RESTAURANT)));
        assertThat(record.headers()).containsEntry("panorama-event-type", "delivery.DeliveryScheduled")
            .containsEntry("panorama-aggregate-id", id).containsEntry("panorama-aggregate-version", "1");
    }

    @Test
    void walksTheStateMachineWithTheCurrentIfMatchAndPublishesEveryStepInOrder() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String id = schedule(orderId, null);

        HttpResponse<String> assigned = http.send("POST", "/deliveries/" + id + "/courier", courier("courier-17", "Grace Hopper"), "\"1\"", "assign-1");
        HttpResponse<String> reassigned = http.send("POST", "/deliveries/" + id + "/courier", courier("courier-42", "Alan Turing"), "\"2\"", null);
        HttpResponse<String> pickedUp = http.send("POST", "/deliveries/" + id + "/pickup", null, "\"3\"", null);
        HttpResponse<String> delivered = http.send("POST", "/deliveries/" + id + "/delivered", null, "\"4\"", null);

        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JSON.readTree(assigned.body())).isEqualTo(JSON.readTree("{\"deliveryId\": \"%s\", \"version\": 2}".formatted(id)));
        assertThat(List.of(reassigned, pickedUp, delivered)).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(JSON.readTree(delivered.body()).get("version").asLong()).isEqualTo(5);
        assertThat(storedVersion(id)).isEqualTo(5);

        List<Published> records = topic.awaitWithKey(id, 5);
        assertThat(records).extracting(record -> record.value().get("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records).extracting(record -> record.value().get("eventType").asString()).containsExactly("delivery.DeliveryScheduled",
            "delivery.CourierAssigned", "delivery.CourierAssigned", "delivery.DeliveryPickedUp", "delivery.DeliveryDelivered");
        assertThat(records).extracting(record -> record.value().get("payload").get("orderId").asString()).containsOnly(orderId);
        assertThat(records.get(1).value().get("correlationId").asString()).as("the caller's X-Correlation-Id").isEqualTo("assign-1");
        assertThat(records.get(2).value().get("payload").get("courierName").asString()).isEqualTo("Alan Turing");

        HttpResponse<String> current = http.send("GET", "/deliveries/" + id, null, null, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"5\"");
        JsonNode body = JSON.readTree(current.body());
        assertThat(body.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(body.get("courier").get("courierId").asString()).isEqualTo("courier-42");
        assertThat(body.get("readyBy").asString()).isEqualTo("2026-11-08T19:30:00Z");
        assertThat(body.get("deliveredAt").asString())
            .as("the stored time is the published one").isEqualTo(records.get(4).value().get("payload").get("deliveredAt").asString());
    }

    @Test
    void anOutOfOrderStepIsARuleViolationAndChangesNothing() throws Exception {
        String id = schedule(UUID.randomUUID().toString(), null);

        assertProblem(http.send("POST", "/deliveries/" + id + "/pickup", null, null, null), 422);
        assertProblem(http.send("POST", "/deliveries/" + id + "/delivered", null, null, null), 422);
        http.send("POST", "/deliveries/" + id + "/courier", courier("courier-17", "Grace Hopper"), null, null);
        http.send("POST", "/deliveries/" + id + "/pickup", null, null, null);
        assertProblem(http.send("POST", "/deliveries/" + id + "/courier", courier("courier-42", "Alan Turing"), null, null), 422);
        http.send("POST", "/deliveries/" + id + "/delivered", null, null, null);
        assertProblem(http.send("POST", "/deliveries/" + id + "/delivered", null, null, null), 422);

        assertThat(storedVersion(id)).isEqualTo(4);
        assertThat(outboxRows(id)).isEqualTo(4);
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() throws Exception {
        String id = schedule(UUID.randomUUID().toString(), null);
        http.send("POST", "/deliveries/" + id + "/courier", courier("courier-17", "Grace Hopper"), "\"1\"", null);

        assertProblem(http.send("POST", "/deliveries/" + id + "/pickup", null, "\"1\"", null), 409);
        assertProblem(http.send("POST", "/deliveries/" + id + "/pickup", null, "not-a-tag", null), 400);
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(outboxRows(id)).isEqualTo(2);
    }

    @Test
    void anInvalidBodyIsABadRequestNamingEveryBadField() throws Exception {
        HttpResponse<String> response = http.send("POST", "/deliveries", """
            {"restaurantId": "%s", "deliveryAddress": {"street1": "", "city": "Oakland", "postalCode": "94612", "country": "usa"},
             "readyBy": "2026-11-08T19:30:00Z"}""".formatted(RESTAURANT), null, null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList())
            .containsExactlyInAnyOrder("orderId", "deliveryAddress.street1", "deliveryAddress.country");
        assertProblem(http.send("POST", "/deliveries", schedule("not-a-uuid"), null, null), 400);
    }

    @Test
    void anUnknownDeliveryIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        assertProblem(http.send("GET", "/deliveries/" + unknown, null, null, null), 404);
        assertProblem(http.send("POST", "/deliveries/" + unknown + "/pickup", null, null, null), 404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndASecondDeliveryForTheOrderIsRefused() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = http.send("POST", "/deliveries", schedule(orderId), null, null, "Idempotency-Key", key);
        HttpResponse<String> retry = http.send("POST", "/deliveries", schedule(orderId), null, null, "Idempotency-Key", key);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(retry.headers().firstValue("ETag")).hasValue("\"1\"");
        String id = JSON.readTree(first.body()).get("deliveryId").asString();
        assertThat(outboxRows(id)).as("one event for both requests").isEqualTo(1);

        assertProblem(http.send("POST", "/deliveries", schedule(UUID.randomUUID().toString()), null, null, "Idempotency-Key", key), 422);
        assertProblem(http.send("POST", "/deliveries", schedule(orderId), null, null), 422);
        assertThat(jdbc.sql("select count(*) from delivery where order_id = ?::uuid").param(orderId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSaveOverAVersionSomeoneElseChangedFailsWithAnOptimisticLockingFailure() throws Exception {
        DeliveryId id = new DeliveryId(UUID.fromString(schedule(UUID.randomUUID().toString(), null)));
        Delivery first = deliveries.findById(id).orElseThrow();
        Delivery second = deliveries.findById(id).orElseThrow();
        first.assignCourier(new Courier("courier-17", "Grace Hopper"), Instant.now());
        second.assignCourier(new Courier("courier-42", "Alan Turing"), Instant.now());

        Long saved = transactions.execute(status -> deliveries.save(first));
        assertThat(saved).isEqualTo(2);
        assertThatThrownBy(() -> transactions.execute(status -> deliveries.save(second)))
            .as("answered 409 by the web adapter").isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(deliveries.findById(id).orElseThrow().courier()).contains(new Courier("courier-17", "Grace Hopper"));
    }

    @Test
    void exposesHealthAndPrometheusMetrics() throws Exception {
        assertThat(http.send("GET", "/actuator/health", null, null, null).statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/actuator/prometheus", null, null, null).statusCode()).isEqualTo(200);
    }

    private String schedule(String orderId, String idempotencyKey) throws IOException, InterruptedException {
        HttpResponse<String> response = idempotencyKey == null
            ? http.send("POST", "/deliveries", schedule(orderId), null, null)
            : http.send("POST", "/deliveries", schedule(orderId), null, null, "Idempotency-Key", idempotencyKey);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("deliveryId").asString();
    }

    private long storedVersion(String deliveryId) {
        return jdbc.sql("select version from delivery where id = ?::uuid").param(deliveryId).query(Long.class).single();
    }

    private long outboxRows(String deliveryId) {
        return jdbc.sql("select count(*) from outbox where aggregate_id = ?").param(deliveryId).query(Long.class).single();
    }

    private static String schedule(String orderId) {
        return """
            {"orderId": "%s", "restaurantId": "%s",
             "deliveryAddress": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"},
             "readyBy": "2026-11-08T19:30:00Z"}""".formatted(orderId, RESTAURANT);
    }

    private static String courier(String courierId, String courierName) {
        return "{\"courierId\": \"%s\", \"courierName\": \"%s\"}".formatted(courierId, courierName);
    }
}
