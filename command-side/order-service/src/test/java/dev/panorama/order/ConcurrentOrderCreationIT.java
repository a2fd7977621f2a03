package dev.panorama.order;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.servicetesting.TopicRecords;
import dev.panorama.servicetesting.TopicRecords.Published;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same creation sent at once by eight clients under one Idempotency-Key: the key is claimed first in
 * the creation's transaction, so the others wait for it and answer its result. One order, one event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentOrderCreationIT {

    private static final int CLIENTS = 8;
    private static final TestNamespace NAMESPACE = TestNamespace.forClass(ConcurrentOrderCreationIT.class);
    private static final String ORDER_TOPIC = NAMESPACE.topic("ftgo.order.events");
    private static final String RESTAURANT_TOPIC = NAMESPACE.topic("ftgo.restaurant.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose
    private static final RestaurantEvents RESTAURANTS = new RestaurantEvents(Engines.shared().kafka(), RESTAURANT_TOPIC);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        OrderServiceEngines.register(registry, NAMESPACE, ORDER_TOPIC, RESTAURANT_TOPIC);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void eightSimultaneousRetriesMakeOneOrderAndOneEvent() throws Exception {
        UUID restaurant = UUID.randomUUID();
        RESTAURANTS.created(restaurant);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from restaurant_replica where id = ?").param(restaurant)
            .query(Long.class).single() == 1);
        String key = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
            .POST(HttpRequest.BodyPublishers.ofString("""
                {"consumerId": "5f0c9a8e-3b1d-4c2e-9a57-1c2d3e4f5a61", "restaurantId": "%s",
                 "lineItems": [{"menuItemId": "chicken-vindaloo", "quantity": 2}, {"menuItemId": "garlic-naan", "quantity": 1}],
                 "deliveryAddress": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"},
                 "deliverAt": "2026-11-08T19:45:00Z"}""".formatted(restaurant)))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .build();

        List<HttpResponse<String>> responses = sendAtOnce(request);

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(responses).extracting(response -> response.headers().firstValue("ETag").orElseThrow()).containsOnly("\"1\"");
        List<JsonNode> bodies = responses.stream().map(response -> JSON.readTree(response.body())).toList();
        assertThat(bodies).extracting(body -> body.get("version").asLong()).containsOnly(1L);
        String orderId = bodies.getFirst().get("orderId").asString();
        assertThat(bodies).extracting(body -> body.get("orderId").asString()).containsOnly(orderId);

        assertThat(count("select count(*) from orders")).isEqualTo(1);
        assertThat(count("select count(*) from creation_idempotency_key")).isEqualTo(1);
        assertThat(count("select count(*) from outbox")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from outbox where published_at is not null") == 1);
        List<Published> records = new TopicRecords(Engines.shared().kafka(), ORDER_TOPIC).all();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(orderId);
            assertThat(record.value().get("eventType").asString()).isEqualTo("order.OrderCreated");
            assertThat(record.value().get("aggregateVersion").asLong()).isEqualTo(1);
            assertThat(record.value().get("payload").get("orderTotal").get("amount").asString()).isEqualTo("28.18");
        });
    }

    /** Every client waits at a barrier, then all send together. */
    private static List<HttpResponse<String>> sendAtOnce(HttpRequest request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (HttpClient http = HttpClient.newHttpClient()) {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                pending.add(clients.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : pending) {
                responses.add(response.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
