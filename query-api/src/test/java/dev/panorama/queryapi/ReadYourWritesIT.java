package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.Order;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query with a consistency token waits for the view to apply the caller's write, and never answers
 * from a view that has not: the view builder's order (state saved first, documents written after) is
 * played out against the real stores.
 */
class ReadYourWritesIT extends ApiIT {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void aQueryWithTheTokenOfAWriteStillInFlightWaitsForItAndSeesIt() {
        Order created = Order.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Ajanta", T0, "Naan");
        applied(created);
        Order approved = created.withStatus("APPROVED", 2);
        // The view builder's order: the folded state first, the documents a little later.
        Views.state("order", created.orderId(), 2, references(created));
        CompletableFuture<Void> documents = CompletableFuture.runAsync(() -> {
            Views.orderDetails(approved);
            Views.orderHistory(List.of(approved));
        }, CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));

        Http.Response details = http().get("/orders/" + created.orderId(), Map.of(),
            headers("X-Consistency-Token", "order:" + created.orderId() + ":2"));
        Http.Response history = http().get("/order-history", Map.of("consumerId", created.consumerId(), "after", "order:" + created.orderId() + ":2"),
            TestKeys.reader());

        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(details.json().get("order").get("status").asString()).isEqualTo("APPROVED");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("items").get(0).get("status").asString()).isEqualTo("APPROVED");
        documents.join();
    }

    @Test
    void aStateAheadOfItsDocumentsIsNotTakenForAnAppliedWrite() {
        Order created = Order.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Ajanta", T0, "Naan");
        applied(created);
        // The event was folded, but the documents were never rewritten (a crash between the two writes).
        Views.state("order", created.orderId(), 2, references(created));

        Http.Response response = http().get("/orders/" + created.orderId(), Map.of(),
            headers("X-Consistency-Token", "order:" + created.orderId() + ":2"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/not-yet-consistent");
        assertThat(response.json().get("token").asString()).isEqualTo("order:" + created.orderId() + ":2");
    }

    @Test
    void aTokenOfAVersionNoViewHasSeenIsAnswered409AfterTheBoundedWait() {
        Order created = Order.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Ajanta", T0, "Naan");
        applied(created);
        long start = System.nanoTime();

        Http.Response response = http().get("/order-history", Map.of("consumerId", created.consumerId()),
            headers("X-Consistency-Token", "order:" + created.orderId() + ":7"));

        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(waitedMillis).as("the configured bound is 1.5 s").isBetween(1_400L, 6_000L);
    }

    @Test
    void aConsumerRenameIsAppliedOnceEveryOrderOfTheConsumerShowsIt() {
        String consumer = UUID.randomUUID().toString();
        Order first = Order.of(consumer, UUID.randomUUID().toString(), "Ajanta", T0, "Naan");
        Order second = Order.of(consumer, UUID.randomUUID().toString(), "Sushi Bar", T0.plusSeconds(5), "Ramen");
        applied(first);
        applied(second);
        Views.state("consumer", consumer, 2, Map.of());
        Views.orderHistory(List.of(first.withConsumerName("Ada King", 2)));
        String token = "consumer:" + consumer + ":2";

        assertThat(http().get("/order-history", Map.of("consumerId", consumer), headers("X-Consistency-Token", token)).status())
            .as("one of the two orders still shows the old name").isEqualTo(409);

        Views.orderHistory(List.of(second.withConsumerName("Ada King", 2)));
        Http.Response response = http().get("/order-history", Map.of("consumerId", consumer), headers("X-Consistency-Token", token));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items").valueStream().map(item -> item.get("consumerName").asString()).toList())
            .containsOnly("Ada King");
        // The restaurants view is not built from consumers: nothing to wait for.
        assertThat(http().get("/restaurants/available", Map.of("lat", "0", "lon", "0"), headers("X-Consistency-Token", token)).status())
            .isEqualTo(200);
    }

    @Test
    void malformedTokensAreParameterErrors() {
        Http.Response response = http().get("/orders/" + UUID.randomUUID(), Map.of("after", "order:{\"$gt\":\"\"}:1"), TestKeys.reader());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("parameter").asString()).isEqualTo("after");
    }

    /** An order the view builder has fully applied at its current versions. */
    private static void applied(Order order) {
        Views.state("order", order.orderId(), order.orderVersion(), references(order));
        Views.state("consumer", order.consumerId(), order.consumerVersion(), Map.of());
        Views.orderDetails(order);
        Views.orderHistory(List.of(order));
    }

    private static Map<String, String> references(Order order) {
        return Map.of("consumerId", order.consumerId(), "restaurantId", order.restaurantId());
    }

    private static Map<String, String> headers(String name, String value) {
        Map<String, String> headers = new HashMap<>(TestKeys.reader());
        headers.put(name, value);
        return headers;
    }
}
