package dev.panorama.order;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.order.application.port.out.OrderRepository;
import dev.panorama.order.domain.Order;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.Reason;
import dev.panorama.servicetesting.ContractFiles;
import dev.panorama.servicetesting.CommandHttp;
import dev.panorama.servicetesting.TopicRecords;
import dev.panorama.servicetesting.TopicRecords.Published;
import org.junit.jupiter.api.AutoClose;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.panorama.servicetesting.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The service over HTTP against real PostgreSQL and Kafka: restaurant events in, the replica they keep,
 * commands priced from it, their answers, and the order events on the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderServiceIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(OrderServiceIT.class);
    private static final String ORDER_TOPIC = NAMESPACE.topic("ftgo.order.events");
    private static final String RESTAURANT_TOPIC = NAMESPACE.topic("ftgo.restaurant.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose
    private static final RestaurantEvents RESTAURANTS = new RestaurantEvents(Engines.shared().kafka(), RESTAURANT_TOPIC);

    private static final String CONSUMER = "5f0c9a8e-3b1d-4c2e-9a57-1c2d3e4f5a61";
    private static final String ADDRESS = """
        {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"}""";
    private static final String DELIVER_AT = "2026-11-08T19:45:00Z";
    private static final String VINDALOO_AND_NAAN = """
        [{"menuItemId": "chicken-vindaloo", "quantity": 2}, {"menuItemId": "garlic-naan", "quantity": 1}]""";
    private static final String PRICED_VINDALOO_AND_NAAN = """
        [{"menuItemId": "chicken-vindaloo", "name": "Chicken Vindaloo", "quantity": 2, "unitPrice": {"amount": "12.34", "currency": "USD"}},
         {"menuItemId": "garlic-naan", "name": "Garlic Naan", "quantity": 1, "unitPrice": {"amount": "3.50", "currency": "USD"}}]""";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        OrderServiceEngines.register(registry, NAMESPACE, ORDER_TOPIC, RESTAURANT_TOPIC);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private OrderRepository orders;

    @Autowired
    private TransactionTemplate transactions;

    private final TopicRecords topic = new TopicRecords(Engines.shared().kafka(), ORDER_TOPIC);
    private final CommandHttp http = new CommandHttp(() -> port);
    private final ContractFiles contracts = new ContractFiles();

    @Test
    void createsAnOrderPricedFromTheReplicatedMenuAndPublishesItKeyedByOrderId() throws Exception {
        String restaurant = knownRestaurant();

        HttpResponse<String> response = http.send("POST", "/orders", creation(restaurant, VINDALOO_AND_NAAN), null, "checkout-1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("orderId").asString();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(response.headers().firstValue("Location")).hasValue("/orders/" + id);
        assertThat(storedVersion(id)).as("Spring Data JDBC's @Version is the aggregate version").isEqualTo(1);

        Published record = topic.awaitWithKey(id, 1).getFirst();
        assertThat(contracts.problems(record.value())).isEmpty();
        assertThat(record.value().get("eventType").asString()).isEqualTo("order.OrderCreated");
        assertThat(record.value().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(record.value().get("aggregateType").asString()).isEqualTo("order");
        assertThat(record.value().get("aggregateId").asString()).isEqualTo(id);
        assertThat(record.value().get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(record.value().get("correlationId").asString()).isEqualTo("checkout-1");
        assertThat(record.value().get("payload")).isEqualTo(JSON.readTree("""
            {"orderId": "%s", "consumerId": "%s", "restaurantId": "%s", "lineItems": %s, "orderTotal": {"amount": "28.18", "currency": "USD"},
             "deliveryAddress": %s, "deliverAt": "%s"}""".formatted(id, CONSUMER, restaurant, PRICED_VINDALOO_AND_NAAN, ADDRESS, DELIVER_AT)));
        assertThat(record.headers()).containsEntry("panorama-event-type", "order.OrderCreated")
            .containsEntry("panorama-aggregate-type", "order").containsEntry("panorama-aggregate-id", id)
            .containsEntry("panorama-aggregate-version", "1").containsEntry("panorama-correlation-id", "checkout-1");

        HttpResponse<String> current = http.send("GET", "/orders/" + id, null, null, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JSON.readTree(current.body())).isEqualTo(JSON.readTree("""
            {"orderId": "%s", "version": 1, "status": "APPROVAL_PENDING", "consumerId": "%s", "restaurantId": "%s", "lineItems": %s,
             "orderTotal": {"amount": "28.18", "currency": "USD"}, "deliveryAddress": %s, "deliverAt": "%s"}"""
            .formatted(id, CONSUMER, restaurant, PRICED_VINDALOO_AND_NAAN, ADDRESS, DELIVER_AT)));
    }

    @Test
    void eachStepWithTheCurrentIfMatchRaisesTheVersionAndPublishesInOrder() throws Exception {
        String id = create(knownRestaurant());

        HttpResponse<String> revised = http.send("PUT", "/orders/" + id + "/line-items",
            "{\"lineItems\": [{\"menuItemId\": \"mango-lassi\", \"quantity\": 3}]}", "\"1\"", "revise-1");
        HttpResponse<String> unchanged = http.send("PUT", "/orders/" + id + "/line-items",
            "{\"lineItems\": [{\"menuItemId\": \"mango-lassi\", \"quantity\": 3}]}", "\"2\"", null);
        HttpResponse<String> approved = http.send("POST", "/orders/" + id + "/approve", null, "\"2\"", null);
        HttpResponse<String> cancelled = http.send("POST", "/orders/" + id + "/cancel", "{\"reason\": \"Ordered by mistake.\"}", "\"3\"", null);

        assertThat(revised.statusCode()).isEqualTo(200);
        assertThat(revised.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JSON.readTree(revised.body())).isEqualTo(JSON.readTree("{\"orderId\": \"%s\", \"version\": 2}".formatted(id)));
        assertThat(unchanged.statusCode()).as("the same lines: no change").isEqualTo(200);
        assertThat(JSON.readTree(unchanged.body()).get("version").asLong()).isEqualTo(2);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).get("version").asLong()).isEqualTo(4);
        assertThat(storedVersion(id)).isEqualTo(4);

        List<Published> records = topic.awaitWithKey(id, 4);
        assertThat(records).hasSize(4);
        assertThat(records).extracting(record -> record.value().get("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records).extracting(record -> record.value().get("eventType").asString()).containsExactly("order.OrderCreated",
            "order.OrderRevised", "order.OrderApproved", "order.OrderCancelled");
        assertThat(records).allSatisfy(record -> assertThat(contracts.problems(record.value())).isEmpty());
        assertThat(records.get(1).value().get("correlationId").asString()).as("the caller's X-Correlation-Id").isEqualTo("revise-1");
        assertThat(records.get(1).value().get("payload")).isEqualTo(JSON.readTree("""
            {"orderId": "%s", "lineItems": [{"menuItemId": "mango-lassi", "name": "Mango Lassi", "quantity": 3,
             "unitPrice": {"amount": "4.25", "currency": "USD"}}], "orderTotal": {"amount": "12.75", "currency": "USD"}}""".formatted(id)));
        assertThat(records.get(2).value().get("payload")).isEqualTo(JSON.readTree("{\"orderId\": \"%s\"}".formatted(id)));
        assertThat(records.get(3).value().get("payload")).isEqualTo(JSON.readTree("""
            {"orderId": "%s", "reason": "Ordered by mistake."}""".formatted(id)));

        JsonNode current = JSON.readTree(http.send("GET", "/orders/" + id, null, null, null).body());
        assertThat(current.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(current.get("cancellationReason").asString()).isEqualTo("Ordered by mistake.");
        assertThat(current.has("rejectionReason")).isFalse();
        assertThat(current.get("orderTotal").get("amount").asString()).isEqualTo("12.75");
        assertThat(jdbc.sql("select line_items::text from orders where id = ?::uuid").param(id).query(String.class).single())
            .as("the revised lines replaced the first ones in the row")
            .satisfies(stored -> assertThat(JSON.readTree(stored)).isEqualTo(records.get(1).value().get("payload").get("lineItems")));
    }

    @Test
    void aRejectedOrderIsFinalAndEveryStepAfterItIsARuleViolation() throws Exception {
        String id = create(knownRestaurant());

        HttpResponse<String> rejected = http.send("POST", "/orders/" + id + "/reject", "{\"reason\": \"The restaurant is closed.\"}", "\"1\"", null);

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(assertProblem(http.send("POST", "/orders/" + id + "/approve", null, "\"2\"", null), 422).get("detail").asString())
            .contains("REJECTED");
        assertProblem(http.send("POST", "/orders/" + id + "/cancel", "{\"reason\": \"Too late.\"}", null, null), 422);
        assertProblem(http.send("POST", "/orders/" + id + "/reject", "{\"reason\": \"Again.\"}", null, null), 422);
        assertProblem(http.send("PUT", "/orders/" + id + "/line-items", "{\"lineItems\": %s}".formatted(VINDALOO_AND_NAAN), null, null), 422);
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(outboxRows(id)).isEqualTo(2);
        JsonNode current = JSON.readTree(http.send("GET", "/orders/" + id, null, null, null).body());
        assertThat(current.get("status").asString()).isEqualTo("REJECTED");
        assertThat(current.get("rejectionReason").asString()).isEqualTo("The restaurant is closed.");
        assertThat(topic.awaitWithKey(id, 2).get(1).value().get("payload").get("reason").asString()).isEqualTo("The restaurant is closed.");
    }

    @Test
    void anApprovedOrderCanBeCancelledButNotApprovedAgain() throws Exception {
        String id = create(knownRestaurant());
        http.send("POST", "/orders/" + id + "/approve", null, null, null);

        assertProblem(http.send("POST", "/orders/" + id + "/approve", null, null, null), 422);
        assertProblem(http.send("POST", "/orders/" + id + "/reject", "{\"reason\": \"No.\"}", null, null), 422);
        assertThat(http.send("POST", "/orders/" + id + "/cancel", "{\"reason\": \"Changed my mind.\"}", "\"2\"", null).statusCode()).isEqualTo(200);
        assertThat(outboxRows(id)).isEqualTo(3);
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() throws Exception {
        String id = create(knownRestaurant());
        http.send("POST", "/orders/" + id + "/approve", null, "\"1\"", null);

        assertProblem(http.send("POST", "/orders/" + id + "/cancel", "{\"reason\": \"Too slow.\"}", "\"1\"", null), 409);
        assertProblem(http.send("PUT", "/orders/" + id + "/line-items", "{\"lineItems\": %s}".formatted(VINDALOO_AND_NAAN), "\"1\"", null), 409);
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(outboxRows(id)).isEqualTo(2);
        assertProblem(http.send("POST", "/orders/" + id + "/cancel", "{\"reason\": \"Too slow.\"}", "W/\"2\"", null), 400);
    }

    @Test
    void aSaveOverAVersionSomeoneElseChangedFailsWithAnOptimisticLockingFailure() throws Exception {
        OrderId id = new OrderId(UUID.fromString(create(knownRestaurant())));
        Order first = orders.findById(id).orElseThrow();
        Order second = orders.findById(id).orElseThrow();
        first.approve(Instant.now());
        second.cancel(new Reason("Raced."), Instant.now());

        Long saved = transactions.execute(status -> orders.save(first));
        assertThat(saved).isEqualTo(2);
        assertThatThrownBy(() -> transactions.execute(status -> orders.save(second)))
            .as("answered 409 by the web adapter").isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(orders.findById(id).orElseThrow().status().name()).isEqualTo("APPROVED");
    }

    @Test
    void anInvalidBodyIsABadRequestNamingEveryBadField() throws Exception {
        String restaurant = knownRestaurant();
        HttpResponse<String> response = http.send("POST", "/orders", """
            {"restaurantId": "%s", "lineItems": [{"menuItemId": "a b", "quantity": 0}, {"menuItemId": "garlic-naan", "quantity": 101}],
             "deliveryAddress": {"street1": "", "city": "Oakland", "postalCode": "94612", "country": "us"}}""".formatted(restaurant), null, null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList()).containsExactlyInAnyOrder(
            "consumerId", "lineItems[0].menuItemId", "lineItems[0].quantity", "lineItems[1].quantity", "deliveryAddress.street1",
            "deliveryAddress.country", "deliverAt");
    }

    @Test
    void malformedRequestsAreBadRequests() throws Exception {
        String id = create(knownRestaurant());
        String twice = "[{\"menuItemId\": \"garlic-naan\", \"quantity\": 1}, {\"menuItemId\": \"garlic-naan\", \"quantity\": 2}]";

        assertThat(assertProblem(http.send("PUT", "/orders/" + id + "/line-items", "{\"lineItems\": %s}".formatted(twice), null, null), 400)
            .get("detail").asString()).contains("garlic-naan");
        assertProblem(http.send("PUT", "/orders/" + id + "/line-items", "{\"lineItems\": []}", null, null), 400);
        assertProblem(http.send("POST", "/orders/" + id + "/reject", "{\"reason\": \" \"}", null, null), 400);
        assertProblem(http.send("POST", "/orders/" + id + "/cancel", "{\"reason\": \"%s\"}".formatted("r".repeat(501)), null, null), 400);
        assertProblem(http.send("POST", "/orders/" + id + "/cancel", null, null, null), 400);
        assertProblem(http.send("POST", "/orders", "{not json", null, null), 400);
        assertProblem(http.send("POST", "/orders", creation(UUID.randomUUID().toString(), VINDALOO_AND_NAAN).replace(DELIVER_AT, "tomorrow"),
            null, null), 400);
        assertProblem(http.send("POST", "/orders/not-a-uuid/approve", null, null, null), 400);
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void anUnknownRestaurantAnItemNotOnTheMenuOrTwoCurrenciesAreRuleViolations() throws Exception {
        String restaurant = knownRestaurant();
        long before = allOutboxRows();

        assertThat(assertProblem(http.send("POST", "/orders", creation(UUID.randomUUID().toString(), VINDALOO_AND_NAAN), null, null), 422)
            .get("detail").asString()).contains("not known");
        assertThat(assertProblem(http.send("POST", "/orders", creation(restaurant, "[{\"menuItemId\": \"pizza\", \"quantity\": 1}]"), null, null), 422)
            .get("detail").asString()).contains("pizza");
        assertThat(assertProblem(http.send("POST", "/orders", creation(restaurant,
            "[{\"menuItemId\": \"garlic-naan\", \"quantity\": 1}, {\"menuItemId\": \"wine\", \"quantity\": 1}]"), null, null), 422)
            .get("detail").asString()).contains("one currency");
        String id = create(restaurant);
        assertProblem(http.send("PUT", "/orders/" + id + "/line-items",
            "{\"lineItems\": [{\"menuItemId\": \"wine\", \"quantity\": 2}, {\"menuItemId\": \"mango-lassi\", \"quantity\": 1}]}", null, null), 422);

        assertThat(allOutboxRows()).as("only the one order created").isEqualTo(before + 1);
        HttpResponse<String> inEuros = http.send("PUT", "/orders/" + id + "/line-items", "{\"lineItems\": [{\"menuItemId\": \"wine\", \"quantity\": 2}]}",
            null, null);
        assertThat(inEuros.statusCode()).as("one currency, whichever it is").isEqualTo(200);
        assertThat(JSON.readTree(http.send("GET", "/orders/" + id, null, null, null).body()).get("orderTotal"))
            .isEqualTo(JSON.readTree("{\"amount\": \"18.00\", \"currency\": \"EUR\"}"));
    }

    @Test
    void anUnknownOrderIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        assertProblem(http.send("GET", "/orders/" + unknown, null, null, null), 404);
        assertProblem(http.send("PUT", "/orders/" + unknown + "/line-items", "{\"lineItems\": %s}".formatted(VINDALOO_AND_NAAN), null, null), 404);
        assertProblem(http.send("POST", "/orders/" + unknown + "/approve", null, null, null), 404);
        assertProblem(http.send("POST", "/orders/" + unknown + "/reject", "{\"reason\": \"No.\"}", null, null), 404);
        assertProblem(http.send("POST", "/orders/" + unknown + "/cancel", "{\"reason\": \"No.\"}", null, null), 404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndPublishesNothingNew() throws Exception {
        String restaurant = knownRestaurant();
        String key = UUID.randomUUID().toString();
        String body = creation(restaurant, VINDALOO_AND_NAAN);

        HttpResponse<String> first = http.send("POST", "/orders", body, null, null, "Idempotency-Key", key);
        HttpResponse<String> retry = http.send("POST", "/orders", body, null, null, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(retry.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        String id = JSON.readTree(first.body()).get("orderId").asString();
        assertThat(jdbc.sql("select count(*) from creation_idempotency_key where idempotency_key = ?").param(key).query(Long.class).single())
            .isEqualTo(1);
        assertThat(outboxRows(id)).as("one event for both requests").isEqualTo(1);
        assertThat(topic.awaitWithKey(id, 1)).hasSize(1);

        assertProblem(http.send("POST", "/orders", creation(restaurant, "[{\"menuItemId\": \"garlic-naan\", \"quantity\": 9}]"), null, null,
            "Idempotency-Key", key), 422);
        assertProblem(http.send("POST", "/orders", body, null, null, "Idempotency-Key", "k".repeat(201)), 400);
    }

    @Test
    void theReplicaAppliesNewerVersionsAndIgnoresDuplicatesAndOlderOnes() throws Exception {
        UUID restaurant = UUID.randomUUID();
        UUID creation = RESTAURANTS.created(restaurant);
        awaitReplicaVersion(restaurant, 1);
        String id = create(restaurant.toString());
        String dearerNaan = """
            "menu": {"items": [{"menuItemId": "garlic-naan", "name": "Garlic Naan", "price": {"amount": "3.90", "currency": "USD"}}]}""";

        // The same event again, even claiming a later version, and an event older than what the replica holds.
        RESTAURANTS.send(creation, "restaurant.RestaurantMenuRevised", restaurant, 2, dearerNaan);
        RESTAURANTS.send(UUID.randomUUID(), "restaurant.RestaurantMenuRevised", restaurant, 1, dearerNaan);
        RESTAURANTS.send(UUID.randomUUID(), "restaurant.RestaurantRenamed", restaurant, 2, "\"name\": \"Ajanta Kitchen\"");
        awaitReplicaVersion(restaurant, 2);

        assertThat(jdbc.sql("select name from restaurant_replica where id = ?").param(restaurant).query(String.class).single())
            .isEqualTo("Ajanta Kitchen");
        assertThat(menuItems(restaurant)).as("the menu of the creation still").isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from received_event where event_id = ?").param(creation).query(Long.class).single()).isEqualTo(1);
        assertThat(http.send("PUT", "/orders/" + id + "/line-items", "{\"lineItems\": %s}".formatted(VINDALOO_AND_NAAN), null, null).statusCode())
            .as("same items, same prices: no change").isEqualTo(200);
        assertThat(storedVersion(id)).isEqualTo(1);

        RESTAURANTS.send(UUID.randomUUID(), "restaurant.RestaurantOpeningHoursChanged", restaurant, 3, "\"openingHours\": []");
        RESTAURANTS.send(UUID.randomUUID(), "restaurant.RestaurantMenuRevised", restaurant, 4, dearerNaan);
        awaitReplicaVersion(restaurant, 4);

        assertThat(menuItems(restaurant)).isEqualTo(1);
        assertProblem(http.send("PUT", "/orders/" + id + "/line-items", "{\"lineItems\": %s}".formatted(VINDALOO_AND_NAAN), null, null), 422);
        HttpResponse<String> repriced = http.send("PUT", "/orders/" + id + "/line-items",
            "{\"lineItems\": [{\"menuItemId\": \"garlic-naan\", \"quantity\": 2}]}", "\"1\"", null);
        assertThat(repriced.statusCode()).isEqualTo(200);
        assertThat(topic.awaitWithKey(id, 2).get(1).value().get("payload").get("orderTotal").get("amount").asString()).isEqualTo("7.80");
    }

    @Test
    void aMalformedRestaurantEventIsSkippedAndTheReplicaKeepsGoing() throws Exception {
        UUID restaurant = UUID.randomUUID();
        RESTAURANTS.sendRaw(restaurant.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        RESTAURANTS.sendRaw(restaurant.toString(), """
            {"eventId": "%s", "eventType": "restaurant.RestaurantCreated", "schemaVersion": 1, "aggregateType": "restaurant",
             "aggregateId": "%s", "aggregateVersion": 1, "occurredAt": "2026-11-08T19:00:00Z", "correlationId": "x",
             "payload": {"restaurantId": "%s", "name": "Broken", "menu": {"items": [{"menuItemId": "naan", "name": "Naan",
             "price": {"amount": 3.5, "currency": "USD"}}]}}}""".formatted(UUID.randomUUID(), restaurant, restaurant)
            .getBytes(StandardCharsets.UTF_8));
        RESTAURANTS.sendRaw(restaurant.toString(), null);

        RESTAURANTS.created(restaurant);
        awaitReplicaVersion(restaurant, 1);

        assertThat(menuItems(restaurant)).isEqualTo(4);
        assertThat(http.send("GET", "/actuator/prometheus", null, null, null).body())
            .contains("panorama_order_restaurant_events_total{outcome=\"malformed\"}");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() throws Exception {
        HttpResponse<String> health = http.send("GET", "/actuator/health", null, null, null);
        HttpResponse<String> prometheus = http.send("GET", "/actuator/prometheus", null, null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        assertThat(http.send("GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(200);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("panorama_outbox_backlog");
    }

    /** A restaurant the replica knows, with {@link RestaurantEvents#MENU}: its creation was published and applied. */
    private String knownRestaurant() {
        UUID restaurant = UUID.randomUUID();
        RESTAURANTS.created(restaurant);
        awaitReplicaVersion(restaurant, 1);
        return restaurant.toString();
    }

    private String create(String restaurant) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", "/orders", creation(restaurant, VINDALOO_AND_NAAN), null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    private static String creation(String restaurant, String lineItems) {
        return """
            {"consumerId": "%s", "restaurantId": "%s", "lineItems": %s, "deliveryAddress": %s, "deliverAt": "%s"}"""
            .formatted(CONSUMER, restaurant, lineItems, ADDRESS, DELIVER_AT);
    }

    private void awaitReplicaVersion(UUID restaurant, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select version from restaurant_replica where id = ?").param(restaurant)
            .query(Long.class).optional().orElse(0L) >= version);
        assertThat(jdbc.sql("select version from restaurant_replica where id = ?").param(restaurant).query(Long.class).single()).isEqualTo(version);
    }

    private long menuItems(UUID restaurant) {
        return jdbc.sql("select count(*) from restaurant_replica_menu_item where restaurant_id = ?").param(restaurant).query(Long.class).single();
    }

    private long storedVersion(String orderId) {
        return jdbc.sql("select version from orders where id = ?::uuid").param(orderId).query(Long.class).single();
    }

    private long outboxRows(String orderId) {
        return jdbc.sql("select count(*) from outbox where aggregate_id = ?").param(orderId).query(Long.class).single();
    }

    private long allOutboxRows() {
        return jdbc.sql("select count(*) from outbox").query(Long.class).single();
    }
}
