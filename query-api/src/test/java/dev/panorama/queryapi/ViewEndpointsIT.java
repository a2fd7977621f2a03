package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.Order;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.Restaurants;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every view endpoint against documents in the view builder's shape, in the real stores. */
class ViewEndpointsIT extends ApiIT {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @Test
    void searchesOrderHistoryByKeywordsOverRestaurantAndItemNamesWithinTheCallersFilters() {
        String consumer = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String ajanta = UUID.randomUUID().toString();
        String sushi = UUID.randomUUID().toString();
        Order vindaloo = Order.of(consumer, ajanta, "Ajanta", T0, "Chicken Vindaloo", "Naan");
        Order ramen = Order.of(consumer, sushi, "Sushi Bar", T0.plusSeconds(60), "Tonkotsu Ramen");
        Order othersVindaloo = Order.of(other, ajanta, "Ajanta", T0.plusSeconds(120), "Chicken Vindaloo");
        Views.orderHistory(List.of(vindaloo, ramen, othersVindaloo));

        JsonNode byItem = ok(Map.of("consumerId", consumer, "q", "vindaloo"));
        assertThat(ids(byItem)).containsExactly(vindaloo.orderId());
        assertThat(ids(ok(Map.of("consumerId", consumer, "q", "sushi")))).containsExactly(ramen.orderId());
        assertThat(ids(ok(Map.of("restaurantId", ajanta, "q", "Chicken Vindaloo")))).containsExactlyInAnyOrder(vindaloo.orderId(),
            othersVindaloo.orderId());
        assertThat(ids(ok(Map.of("consumerId", consumer, "q", "pizza")))).isEmpty();
        // Query syntax is text, not syntax: no match, no error.
        assertThat(ids(ok(Map.of("consumerId", consumer, "q", "restaurantName:* OR *")))).isEmpty();
        assertThat(byItem.get("view").asString()).isEqualTo("order-history");
        assertThat(byItem.get("viewVersion").asInt()).isEqualTo(1);
        assertThat(byItem.get("items").get(0).get("restaurantName").asString()).isEqualTo("Ajanta");
    }

    @Test
    void filtersOrderHistoryByStatusAndCreationTimeAndSortsBothWays() {
        String consumer = UUID.randomUUID().toString();
        String restaurant = UUID.randomUUID().toString();
        Order first = Order.of(consumer, restaurant, "Ajanta", T0, "Naan");
        Order second = Order.of(consumer, restaurant, "Ajanta", T0.plusSeconds(3600), "Naan").withStatus("APPROVED", 2);
        Order third = Order.of(consumer, restaurant, "Ajanta", T0.plusSeconds(7200), "Naan");
        Views.orderHistory(List.of(first, second, third));

        assertThat(ids(ok(Map.of("consumerId", consumer)))).containsExactly(third.orderId(), second.orderId(), first.orderId());
        assertThat(ids(ok(Map.of("consumerId", consumer, "sort", "createdAt")))).containsExactly(first.orderId(), second.orderId(),
            third.orderId());
        assertThat(ids(ok(Map.of("consumerId", consumer, "status", "APPROVED")))).containsExactly(second.orderId());
        assertThat(ids(ok(Map.of("consumerId", consumer, "from", T0.plusSeconds(1).toString(), "to", T0.plusSeconds(3600).toString()))))
            .containsExactly(second.orderId());
    }

    @Test
    void pagesThroughOrderHistoryWithAnOpaqueCursorAndRejectsForgedOnes() {
        String consumer = UUID.randomUUID().toString();
        String restaurant = UUID.randomUUID().toString();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two orders per instant: the id breaks the tie.
            orders.add(Order.of(consumer, restaurant, "Ajanta", T0.plusSeconds(i / 2), "Naan"));
        }
        Views.orderHistory(orders);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>(Map.of("consumerId", consumer, "size", "3"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = ok(query);
            seen.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(orders.stream().map(Order::orderId).toList());

        String firstCursor = ok(Map.of("consumerId", consumer, "size", "3")).get("nextCursor").asString();
        assertThat(problem(Map.of("consumerId", consumer, "cursor", "not-a-cursor"), 400)).isEqualTo("cursor");
        assertThat(problem(Map.of("consumerId", consumer, "cursor", firstCursor, "sort", "createdAt"), 400)).isEqualTo("cursor");
        assertThat(problem(Map.of("consumerId", UUID.randomUUID().toString(), "cursor", firstCursor), 400)).isEqualTo("cursor");
    }

    @Test
    void pagingNeitherRepeatsNorSkipsOrdersWhileTheViewKeepsChanging() {
        String consumer = UUID.randomUUID().toString();
        String restaurant = UUID.randomUUID().toString();
        List<Order> existing = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            existing.add(Order.of(consumer, restaurant, "Ajanta", T0.plusSeconds(10L * i), "Naan"));
        }
        Views.orderHistory(existing);
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        // Meanwhile: new orders land between and before the existing ones, existing ones change status.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; paging.get(); i++) {
                Order inserted = Order.of(consumer, restaurant, "Ajanta", T0.plusSeconds(10L * (i % 60) + 5), "Dal");
                Views.orderHistory(List.of(inserted, existing.get(i % 60).withStatus("APPROVED", 2 + i)));
                writes.incrementAndGet();
            }
        });

        List<String> seen = new ArrayList<>();
        String cursor = null;
        try {
            do {
                Map<String, String> query = new LinkedHashMap<>(Map.of("consumerId", consumer, "size", "7"));
                if (cursor != null) {
                    query.put("cursor", cursor);
                }
                JsonNode page = ok(query);
                seen.addAll(ids(page));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            } while (cursor != null);
        } finally {
            paging.set(false);
            writer.join();
        }

        assertThat(writes.get()).as("writes happened while paging").isPositive();
        assertThat(seen).doesNotHaveDuplicates().containsAll(existing.stream().map(Order::orderId).toList());
        System.out.printf("ViewEndpointsIT: paged %d orders (60 existing) while %d write batches landed: 0 duplicates, 0 skipped%n",
            seen.size(), writes.get());
    }

    @Test
    void readsAnOrderByIdWithItsVersionAndPositionAndAnswers404ForAnUnknownOne() {
        Order order = Order.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Ajanta", T0, "Naan");
        Views.orderDetails(order);
        Instant lastEvent = Instant.parse("2026-11-20T10:00:00Z");
        for (String type : List.of("consumer", "delivery", "order", "restaurant")) {
            for (int partition = 0; partition < QueryApiStack.PARTITIONS; partition++) {
                Views.position(QueryApiStack.topic(type), partition, 0, lastEvent.plusSeconds(partition), Instant.now(), null, null);
            }
        }

        Http.Response response = http().get("/orders/" + order.orderId(), Map.of(), TestKeys.reader());
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("order").get("orderId").asString()).isEqualTo(order.orderId());
        assertThat(body.get("order").get("consumer").get("id").asString()).isEqualTo(order.consumerId());
        assertThat(body.get("order").has("_id")).isFalse();
        assertThat(body.get("viewVersion").asInt()).isEqualTo(1);
        assertThat(response.header("X-View-Version")).isEqualTo("order-details-v1");
        assertThat(body.get("asOf").get("offsets")).hasSize(4 * QueryApiStack.PARTITIONS);
        assertThat(response.header("X-As-Of")).isNotNull();

        Http.Response missing = http().get("/orders/" + UUID.randomUUID(), Map.of(), TestKeys.reader());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http().get("/orders/not-a-uuid", Map.of(), TestKeys.reader()).status()).isEqualTo(400);
        // Refused by Tomcat or the firewall before any controller: still a problem document.
        for (String refused : List.of("/orders/a%2Fb", "/orders/%00", "/orders/..%2F..%2Factuator")) {
            Http.Response rejected = http().raw(refused, TestKeys.reader());
            assertThat(rejected.status()).as(refused).isEqualTo(400);
            assertThat(rejected.contentType()).as(refused).startsWith("application/problem+json");
        }
    }

    @Test
    void readsTheMongoCollectionTheVersionPointerNames() {
        Order order = Order.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Ajanta", T0, "Naan");
        Views.mongoView("order_details_v2", order.orderId(), order.details());
        var pointers = QueryApiStack.database().getCollection(QueryApiStack.NAME_PREFIX + "view_versions");
        assertThat(http().get("/orders/" + order.orderId(), Map.of(), TestKeys.reader()).status()).isEqualTo(404);
        try {
            pointers.insertOne(new org.bson.Document("_id", "order-details").append("version", 2));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
                Http.Response response = http().get("/orders/" + order.orderId(), Map.of(), TestKeys.reader());
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("X-View-Version")).isEqualTo("order-details-v2");
            });
        } finally {
            pointers.deleteOne(com.mongodb.client.model.Filters.eq("_id", "order-details"));
        }
    }

    @Test
    void findsOpenRestaurantsNearAPointNearestFirstWithAMenuKeyword() {
        Map<String, Object> near = Restaurants.document("Ajanta", 37.8044, -122.2712, "Chicken Vindaloo", "MONDAY", 660, 1380);
        Map<String, Object> farther = Restaurants.document("Curry House", 37.8200, -122.2712, "Lamb Vindaloo", "MONDAY", 660, 1380);
        Map<String, Object> closed = Restaurants.document("Closed Kitchen", 37.8045, -122.2712, "Vindaloo", "TUESDAY", 660, 1380);
        Map<String, Object> faraway = Restaurants.document("Far Away", 38.9, -122.2712, "Vindaloo", "MONDAY", 660, 1380);
        Map<String, Object> lateNight = Restaurants.document("Late Night", 37.8050, -122.2712, "Noodles", "MONDAY", 1320, 1440);
        Views.restaurants(List.of(near, farther, closed, faraway, lateNight));

        Map<String, String> mondayLunch = Map.of("lat", "37.8044", "lon", "-122.2712", "radiusKm", "10", "at", "2026-11-30T12:30",
            "q", "vindaloo");
        JsonNode found = okAt("/restaurants/available", mondayLunch);
        assertThat(found.get("items").valueStream().map(item -> item.get("name").asString()).toList()).containsExactly("Ajanta", "Curry House");
        assertThat(found.get("items").get(0).get("distanceKm").asDouble()).isLessThan(found.get("items").get(1).get("distanceKm").asDouble());
        assertThat(found.get("at").asString()).isEqualTo("2026-11-30T12:30");

        JsonNode late = okAt("/restaurants/available", Map.of("lat", "37.8044", "lon", "-122.2712", "at", "2026-11-30T23:30"));
        assertThat(late.get("items").valueStream().map(item -> item.get("name").asString()).toList()).contains("Late Night")
            .doesNotContain("Ajanta");
    }

    @Test
    void aViewItsStoreCannotServeIsA503ProblemWithRetryAfter() {
        String alias = QueryApiStack.alias("available-restaurants");
        QueryApiStack.elasticsearch().alias(alias, false);
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
                Http.Response response = http().get("/restaurants/available", Map.of("lat", "1", "lon", "1"), TestKeys.reader());
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isNotNull();
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("type").asString()).endsWith("/store-unavailable");
            });
        } finally {
            QueryApiStack.elasticsearch().alias(alias, true);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
            assertThat(http().get("/restaurants/available", Map.of("lat", "1", "lon", "1"), TestKeys.reader()).status()).isEqualTo(200));
    }

    @Test
    void readsAConsumerSummary() {
        String consumer = UUID.randomUUID().toString();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("consumerId", consumer);
        summary.put("name", "Ada Lovelace");
        summary.put("ordersPlaced", 3);
        summary.put("ordersApproved", 2);
        summary.put("ordersRejected", 0);
        summary.put("ordersCancelled", 1);
        summary.put("ordersDelivered", 1);
        summary.put("totalSpent", List.of(Map.of("amount", "25.00", "currency", "USD")));
        summary.put("lastOrderAt", T0.toString());
        summary.put("sourceVersions", Map.of("consumer:" + consumer, 1));
        Views.consumerSummary(summary);

        JsonNode body = okAt("/consumers/" + consumer + "/summary", Map.of());
        assertThat(body.get("summary").get("ordersPlaced").asInt()).isEqualTo(3);
        assertThat(body.get("summary").get("totalSpent").get(0).get("amount").asString()).isEqualTo("25.00");
        assertThat(http().get("/consumers/" + UUID.randomUUID() + "/summary", Map.of(), TestKeys.reader()).status()).isEqualTo(404);
    }

    private JsonNode ok(Map<String, String> query) {
        return okAt("/order-history", query);
    }

    private JsonNode okAt(String path, Map<String, String> query) {
        Http.Response response = http().get(path, query, TestKeys.reader());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Asserts the status and a problem document; returns the first parameter it names. */
    private String problem(Map<String, String> query, int status) {
        Http.Response response = http().get("/order-history", query, TestKeys.reader());
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("parameter").asString();
    }

    static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("orderId").asString()).toList();
    }
}
