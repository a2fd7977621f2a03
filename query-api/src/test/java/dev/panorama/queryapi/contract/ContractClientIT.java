package dev.panorama.queryapi.contract;

import dev.panorama.queryapi.client.ApiClient;
import dev.panorama.queryapi.client.ApiException;
import dev.panorama.queryapi.client.api.AdminApi;
import dev.panorama.queryapi.client.api.LagApi;
import dev.panorama.queryapi.client.api.ViewsApi;
import dev.panorama.queryapi.client.model.AdminViewVersions;
import dev.panorama.queryapi.client.model.AvailableRestaurantsResponse;
import dev.panorama.queryapi.client.model.ConsumerSummaryResponse;
import dev.panorama.queryapi.client.model.LagReport;
import dev.panorama.queryapi.client.model.OrderDetailsResponse;
import dev.panorama.queryapi.client.model.OrderHistoryPage;
import dev.panorama.queryapi.client.model.OrderStatus;
import dev.panorama.queryapi.client.model.Rebuild;
import dev.panorama.queryapi.client.model.RebuildPhase;
import dev.panorama.queryapi.client.model.SwitchRequest;
import dev.panorama.queryapi.client.model.ViewLagReport;
import dev.panorama.queryapi.client.model.ViewName;
import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Order;
import dev.panorama.queryapi.support.RebuildRegistry;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A client generated at build time from {@code schemas/openapi/query-api.yaml} works against the live API, admin routes included. */
class ContractClientIT extends ApiIT {

    @Test
    void theGeneratedClientReadsEveryViewAndTheLag() throws ApiException {
        String consumer = UUID.randomUUID().toString();
        Instant created = Instant.parse("2026-11-04T12:00:00Z");
        Order first = Order.of(consumer, UUID.randomUUID().toString(), "Ajanta", created, "Naan");
        Order second = Order.of(consumer, first.restaurantId(), "Ajanta", created.plusSeconds(60), "Dal").withStatus("APPROVED", 2);
        Views.orderHistory(List.of(first, second));
        Views.orderDetails(second);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("consumerId", consumer);
        summary.put("name", "Ada Lovelace");
        summary.put("ordersPlaced", 2);
        summary.put("ordersApproved", 1);
        summary.put("ordersRejected", 0);
        summary.put("ordersCancelled", 0);
        summary.put("ordersDelivered", 0);
        summary.put("totalSpent", List.of(Map.of("amount", "25.00", "currency", "USD")));
        summary.put("sourceVersions", Map.of("consumer:" + consumer, 1));
        Views.consumerSummary(summary);
        Views.restaurants(List.of(dev.panorama.queryapi.support.Restaurants.document("Ajanta", -33.86, 151.2, "Naan", "SUNDAY", 600, 1200)));

        ViewsApi views = new ViewsApi(client(TestKeys.READER));
        OrderHistoryPage page = views.searchOrderHistory("naan dal", UUID.fromString(consumer), null, null,
            OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(2026, 11, 30, 0, 0, 0, 0, ZoneOffset.UTC),
            "createdAt", 1, null, null, null);
        assertThat(page.getItems()).hasSize(0);
        page = views.searchOrderHistory(null, UUID.fromString(consumer), null, null, null, null, "createdAt", 1, null, null, null);
        assertThat(page.getItems()).extracting(item -> item.getOrderId().toString()).containsExactly(first.orderId());
        OrderHistoryPage next = views.searchOrderHistory(null, UUID.fromString(consumer), null, null, null, null, "createdAt", 1,
            page.getNextCursor(), null, null);
        assertThat(next.getItems()).extracting(item -> item.getOrderId().toString()).containsExactly(second.orderId());
        assertThat(next.getItems().getFirst().getStatus()).isEqualTo(OrderStatus.APPROVED);

        OrderDetailsResponse details = views.getOrder(UUID.fromString(second.orderId()), null, null);
        assertThat(details.getOrder().getConsumer().getId().toString()).isEqualTo(consumer);
        assertThat(details.getViewVersion()).isEqualTo(1);

        ConsumerSummaryResponse consumerSummary = views.getConsumerSummary(UUID.fromString(consumer), null, null);
        assertThat(consumerSummary.getSummary().getOrdersApproved()).isEqualTo(1);

        AvailableRestaurantsResponse restaurants = views.findAvailableRestaurants(new BigDecimal("-33.86"), new BigDecimal("151.2"),
            new BigDecimal("1"), "2026-11-29T12:00", "naan", 5, null, null);
        assertThat(restaurants.getItems()).extracting(restaurant -> restaurant.getName()).containsExactly("Ajanta");

        ApiException notFound = catchThrowableOfType(ApiException.class, () -> views.getOrder(UUID.randomUUID(), null, null));
        assertThat(notFound.getCode()).isEqualTo(404);

        LagApi lag = new LagApi(client(TestKeys.OPERATOR));
        LagReport report = lag.getLag();
        assertThat(report.getViews()).hasSize(4);
        ViewLagReport one = lag.getViewLag(ViewName.CONSUMER_SUMMARY);
        assertThat(one.getView()).isEqualTo(ViewName.CONSUMER_SUMMARY);
        assertThat(one.getVersions().getActive()).isEqualTo(1);
        assertThat(one.getRebuild()).isNull();
        Instant started = Instant.parse("2026-11-26T08:00:00Z");
        try {
            RebuildRegistry.versions("consumer-summary", 1, 2, null);
            RebuildRegistry.checkpoint("consumer-summary", 2, "WRITING", started, started.plusSeconds(60));
            RebuildRegistry.progress("consumer-summary", 2, "write", 300, 1_000, 100, 7, started.plusSeconds(60));
            Rebuild rebuild = lag.getViewLag(ViewName.CONSUMER_SUMMARY).getRebuild();
            assertThat(rebuild.getPhase()).isEqualTo(RebuildPhase.WRITING);
            assertThat(rebuild.getStartedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 26, 8, 0, 0, 0, ZoneOffset.UTC));
            assertThat(rebuild.getProgress().getDone()).isEqualTo(300);
            assertThat(lag.getLag().getViews()).filteredOn(view -> view.getRebuild() != null).extracting(view -> view.getVersions().getBuilding())
                .containsExactly(2);

            AdminApi admin = new AdminApi(client(TestKeys.ADMIN));
            AdminViewVersions versions = admin.getViewVersions(ViewName.CONSUMER_SUMMARY);
            assertThat(versions.getBuilding()).isEqualTo(2);
            assertThat(versions.getRebuild().getPhase()).isEqualTo(RebuildPhase.WRITING);
            ApiException refused = catchThrowableOfType(ApiException.class,
                () -> admin.switchViewVersion(ViewName.CONSUMER_SUMMARY, new SwitchRequest().version(2)));
            assertThat(refused.getCode()).as("not verified yet").isEqualTo(409);
            assertThat(admin.getDeadLetters().getTruncated()).isFalse();
        } finally {
            RebuildRegistry.forget("consumer-summary");
        }
        ApiException forbidden = catchThrowableOfType(ApiException.class, () -> new LagApi(client(TestKeys.READER)).getLag());
        assertThat(forbidden.getCode()).isEqualTo(403);
    }

    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", key));
        return client;
    }
}
