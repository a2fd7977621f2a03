package dev.panorama.queryapi.contract;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.OpenApiDocument;
import dev.panorama.queryapi.support.Order;
import dev.panorama.queryapi.support.RebuildRegistry;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation and {@code schemas/openapi/query-api.yaml} cannot drift apart: the same operations
 * with the same parameters, and real responses (successes and problems) valid against the documented schemas.
 */
class ContractIT extends ApiIT {

    private static final OpenApiDocument CONTRACT = OpenApiDocument.load();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAndParameterIsDocumentedAndEveryDocumentedOneExists() {
        Map<String, List<String>> implemented = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("dev.panorama.queryapi") || info.getPathPatternsCondition() == null
                || info.getPathPatternsCondition().getPatternValues().contains("/error")) {
                return;
            }
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                for (var verb : info.getMethodsCondition().getMethods()) {
                    implemented.put(verb.name() + " " + path, parameters(method));
                }
            }
        });
        assertThat(implemented).isEqualTo(CONTRACT.operations());
    }

    @Test
    void theServedDocumentIsThePublishedOne() throws Exception {
        Http.Response response = http().get("/openapi.yaml", Map.of(), Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readString(OpenApiDocument.FILE));
    }

    @Test
    void realResponsesMatchTheDocumentedSchemas() {
        String consumer = UUID.randomUUID().toString();
        Order order = Order.of(consumer, UUID.randomUUID().toString(), "Ajanta", Instant.parse("2026-11-03T12:00:00Z"), "Naan", "Dal");
        Views.orderHistory(List.of(order, Order.of(consumer, order.restaurantId(), "Ajanta", Instant.parse("2026-11-03T12:05:00Z"), "Naan")));
        Views.orderDetails(order);
        Views.state("order", order.orderId(), 1, Map.of("consumerId", consumer));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("consumerId", consumer);
        summary.put("ordersPlaced", 2);
        summary.put("ordersApproved", 0);
        summary.put("ordersRejected", 0);
        summary.put("ordersCancelled", 0);
        summary.put("ordersDelivered", 0);
        summary.put("totalSpent", List.of(Map.of("amount", "37.50", "currency", "USD")));
        summary.put("sourceVersions", Map.of("order:" + order.orderId(), 1));
        Views.consumerSummary(summary);
        Views.restaurants(List.of(dev.panorama.queryapi.support.Restaurants.document("Ajanta", 1.0, 1.0, "Naan", "MONDAY", 0, 1440)));

        List<String> problems = new ArrayList<>();
        check(problems, "/order-history", "/order-history", Map.of("consumerId", consumer, "size", "1"), TestKeys.reader(), 200);
        check(problems, "/order-history", "/order-history", Map.of("size", "0", "bogus", "1"), TestKeys.reader(), 400);
        check(problems, "/order-history", "/order-history", Map.of(), Map.of(), 401);
        check(problems, "/order-history", "/order-history", Map.of("consumerId", consumer),
            Map.of("X-Api-Key", TestKeys.READER, "X-Consistency-Token", "order:" + order.orderId() + ":9"), 409);
        check(problems, "/orders/{orderId}", "/orders/" + order.orderId(), Map.of(), TestKeys.reader(), 200);
        check(problems, "/orders/{orderId}", "/orders/" + UUID.randomUUID(), Map.of(), TestKeys.reader(), 404);
        check(problems, "/restaurants/available", "/restaurants/available", Map.of("lat", "1", "lon", "1", "at", "2026-11-30T10:00"),
            TestKeys.reader(), 200);
        check(problems, "/restaurants/available", "/restaurants/available", Map.of("lat", "91", "lon", "x"), TestKeys.reader(), 400);
        check(problems, "/consumers/{consumerId}/summary", "/consumers/" + consumer + "/summary", Map.of(), TestKeys.reader(), 200);
        Instant started = Instant.parse("2026-11-26T08:00:00Z");
        try {
            RebuildRegistry.versions("order-history", 1, 2, null);
            RebuildRegistry.checkpoint("order-history", 2, "WRITING", started, started.plusSeconds(60));
            RebuildRegistry.progress("order-history", 2, "fold", 5_000, 20_000, 1_000, 15, started.plusSeconds(60));
            RebuildRegistry.versions("order-details", 2, 3, 1);
            RebuildRegistry.checkpoint("order-details", 3, "REGISTERED", started, started);
            check(problems, "/lag", "/lag", Map.of(), TestKeys.operator(), 200);
            check(problems, "/lag/{view}", "/lag/order-history", Map.of(), TestKeys.operator(), 200);
            check(problems, "/lag/{view}", "/lag/order-details", Map.of(), TestKeys.operator(), 200);
        } finally {
            RebuildRegistry.forget("order-history", "order-details");
        }
        check(problems, "/lag", "/lag", Map.of(), TestKeys.reader(), 403);
        check(problems, "/lag/{view}", "/lag/order-details", Map.of(), TestKeys.operator(), 200);
        check(problems, "/lag/{view}", "/lag/nothing", Map.of(), TestKeys.operator(), 404);
        assertThat(problems).isEmpty();
        assertThat(CONTRACT.validate("GET", "/orders/{orderId}", 200, "application/json", "{\"view\":1,\"order\":{\"orderId\":\"x\"}}"))
            .as("the validation itself can fail").isNotEmpty();
    }

    private void check(List<String> problems, String documentedPath, String path, Map<String, String> query, Map<String, String> headers,
                       int expectedStatus) {
        Http.Response response = http().get(path, query, headers);
        if (response.status() != expectedStatus) {
            problems.add(path + " " + query + ": expected " + expectedStatus + " but got " + response.status() + " " + response.body());
            return;
        }
        CONTRACT.validate("GET", documentedPath, response.status(), response.contentType(), response.body())
            .forEach(problem -> problems.add(path + " " + response.status() + ": " + problem));
    }

    private static List<String> parameters(HandlerMethod method) {
        List<String> parameters = new ArrayList<>();
        Arrays.stream(method.getMethodParameters()).forEach(parameter -> {
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (query != null) {
                parameters.add("query:" + query.name());
            } else if (path != null) {
                parameters.add("path:" + path.value());
            } else if (header != null) {
                parameters.add("header:" + header.name());
            }
        });
        return parameters.stream().sorted().toList();
    }
}
