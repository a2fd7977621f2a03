package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.HostileRequests;
import dev.panorama.queryapi.support.HostileRequests.Request;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.Order;
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
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing of the live API with seeded generated requests: hostile values (query-language and operator
 * injections, control characters, huge and malformed numbers, forged cursors, wrong types) and hostile
 * parameter names against every endpoint. The properties: no 5xx, every error a problem document with its
 * own status, and a 200 never holds a document outside the filters the caller gave. The seed is printed,
 * and {@code -Dpanorama.fuzz.seed=N} replays a run.
 */
class FuzzIT extends ApiIT {

    private static final int REQUESTS = 1_000;
    private static final Map<String, List<String>> ENDPOINTS = Map.of(
        "/order-history", List.of("q", "consumerId", "status", "restaurantId", "from", "to", "sort", "size", "cursor", "after"),
        "/restaurants/available", List.of("lat", "lon", "radiusKm", "at", "q", "size", "after"),
        "/orders/{id}", List.of("after"),
        "/consumers/{id}/summary", List.of("after"),
        "/lag/{id}", List.of());

    @Test
    void hostileRequestsNeverBreakTheApiNorWidenAFilter() {
        String consumer = UUID.randomUUID().toString();
        String otherConsumer = UUID.randomUUID().toString();
        String restaurant = UUID.randomUUID().toString();
        List<Order> orders = new ArrayList<>();
        Instant t0 = Instant.parse("2026-11-05T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            orders.add(Order.of(consumer, restaurant, "Ajanta", t0.plusSeconds(i), "Chicken Vindaloo"));
            orders.add(Order.of(otherConsumer, restaurant, "Ajanta", t0.plusSeconds(i), "Chicken Vindaloo").withStatus("APPROVED", 2));
        }
        Views.orderHistory(orders);
        orders.forEach(Views::orderDetails);
        Views.restaurants(List.of(Restaurants.document("Ajanta", 37.8, -122.27, "Vindaloo", "MONDAY", 0, 1440)));
        Http http = http();
        String validCursor = http.get("/order-history", Map.of("consumerId", consumer, "size", "1"), TestKeys.reader()).json()
            .get("nextCursor").asString();

        long seed = Long.getLong("panorama.fuzz.seed", System.nanoTime());
        HostileRequests requests = new HostileRequests(seed, ENDPOINTS,
            Map.of("/order-history", List.of(Map.of("consumerId", consumer), Map.of("consumerId", consumer, "status", "APPROVAL_PENDING"),
                    Map.of("restaurantId", restaurant, "status", "APPROVED"), Map.of()),
                "/restaurants/available", List.of(Map.of("lat", "37.8", "lon", "-122.27"), Map.of("lat", "37.8", "lon", "-122.27",
                    "radiusKm", "1"), Map.of())),
            List.of(consumer, otherConsumer, restaurant, UUID.randomUUID().toString(), "APPROVED", "APPROVAL_PENDING", "approved",
                "createdAt", "-createdAt", "-orderTotal", "20", "100", "101", "37.8", "-122.27", "50", "50.1", "2026-11-01T00:00:00Z",
                "2027-12-01T00:00:00Z", "2026-11-30T10:00", validCursor, "vindaloo", "order-history", orders.getFirst().orderId(),
                orders.get(1).orderId()),
            List.of(orders.getFirst().orderId(), consumer, "order-history"),
            List.of("order:" + orders.getFirst().orderId() + ":1", "consumer:" + consumer + ":1"));

        Map<Integer, Integer> statuses = new TreeMap<>();
        int filtered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Request request = requests.next();
            Http.Response response = send(http, request);
            statuses.merge(response.status(), 1, Integer::sum);
            String context = "seed " + seed + ", request " + i + ": " + request;
            assertThat(response.status()).as(context).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.contentType()).as(context).startsWith("application/problem+json");
                assertThat(response.json().get("status").asInt()).as(context).isEqualTo(response.status());
            } else {
                filtered += assertWithinFilters(request, response.json(), context);
            }
        }
        System.out.printf("FuzzIT: %d hostile requests (seed %d), responses by status %s, 0 server errors, %d filtered answers checked%n",
            REQUESTS, seed, statuses, filtered);
    }

    private static Http.Response send(Http http, Request request) {
        String path = request.endpoint().replace("{id}", Http.encode(request.pathValue()));
        Map<String, String> headers = new LinkedHashMap<>(request.endpoint().startsWith("/lag") ? TestKeys.operator() : TestKeys.reader());
        if (!request.token().isEmpty()) {
            headers.put("X-Consistency-Token", request.token());
        }
        return http.get(path, request.query(), headers);
    }

    /** Every document of a 200 satisfies the filters the request gave validly; returns 1 when a filter was checked. */
    private static int assertWithinFilters(Request request, JsonNode body, String context) {
        Map<String, String> query = request.query();
        int checked = 0;
        if (request.endpoint().equals("/order-history")) {
            for (String field : List.of("consumerId", "restaurantId", "status")) {
                String wanted = query.get(field);
                if (wanted != null) {
                    checked = 1;
                    body.get("items").forEach(item -> assertThat(item.get(field).asString()).as(context).isEqualToIgnoringCase(wanted.strip()));
                }
            }
            assertThat(body.get("items").size()).as(context).isLessThanOrEqualTo(100);
        } else if (request.endpoint().equals("/restaurants/available")) {
            double radius = query.containsKey("radiusKm") ? Double.parseDouble(query.get("radiusKm")) : 5.0;
            body.get("items").forEach(item -> assertThat(item.get("distanceKm").asDouble()).as(context).isLessThanOrEqualTo(radius + 0.001));
            checked = 1;
        } else if (request.endpoint().equals("/orders/{id}")) {
            assertThat(body.get("order").get("orderId").asString()).as(context).isEqualToIgnoringCase(request.pathValue());
            checked = 1;
        } else if (request.endpoint().equals("/consumers/{id}/summary")) {
            assertThat(body.get("summary").get("consumerId").asString()).as(context).isEqualToIgnoringCase(request.pathValue());
            checked = 1;
        }
        return checked;
    }
}
