package dev.panorama.restaurant;

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
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /snapshot} against real PostgreSQL: the export equals what folding each restaurant's events gives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestaurantSnapshotIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(RestaurantSnapshotIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.restaurant.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String MENU = """
        {"items": [{"menuItemId": "chicken-vindaloo", "name": "Chicken Vindaloo", "price": {"amount": "12.34", "currency": "USD"}},
                   {"menuItemId": "garlic-naan", "name": "Garlic Naan", "price": {"amount": "3.50", "currency": "USD"}}]}""";
    private static final String AJANTA = """
        {"name": "Ajanta", "cuisine": "Indian", "location": {"lat": 37.8044, "lon": -122.2712},
         "address": {"street1": "1888 Solano Avenue", "city": "Berkeley", "postalCode": "94707", "country": "US"},
         "openingHours": [{"dayOfWeek": "MONDAY", "opens": "11:00", "closes": "23:00"}, {"dayOfWeek": "SATURDAY", "opens": "18:00", "closes": "02:00"}],
         "menu": %s}""".formatted(MENU);
    private static final String NAMELESS_CUISINE = """
        {"name": "Corner Cafe", "location": {"lat": -33.8688, "lon": 151.2093},
         "address": {"street1": "1 George Street", "street2": "Shop 2", "city": "Sydney", "postalCode": "2000", "country": "AU"},
         "openingHours": [], "menu": {"items": [{"menuItemId": "flat-white", "name": "Flat White", "price": {"amount": "4.50", "currency": "AUD"}}]}}""";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        CommandServiceEngines.register(registry, NAMESPACE, "restaurant", "restaurant", TOPIC);
        SnapshotDownload.fetchInPairs(registry);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private final CommandHttp http = new CommandHttp(() -> port);
    private final SnapshotDownload snapshots = new SnapshotDownload(() -> port, () -> jdbc);

    @Test
    void theExportIsEveryRestaurantAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        String ajanta = create(AJANTA);
        String cafe = create(NAMELESS_CUISINE);
        String revised = create(AJANTA);
        assertThat(http.send("PUT", "/restaurants/" + ajanta + "/name", "{\"name\": \"Ajanta Kitchen\"}", null, null).statusCode()).isEqualTo(200);
        assertThat(http.send("PUT", "/restaurants/" + revised + "/menu", MENU.replace("12.34", "13.00"), null, null).statusCode()).isEqualTo(200);
        assertThat(http.send("PUT", "/restaurants/" + revised + "/opening-hours", "{\"openingHours\": []}", null, null).statusCode()).isEqualTo(200);

        Map<String, JsonNode> records = snapshots.assertCurrent("restaurant-service", "restaurant", "restaurant", RestaurantSnapshotIT::fold)
            .records();

        assertThat(records.keySet()).contains(ajanta, cafe, revised);
        assertThat(records.get(cafe).get("state").has("cuisine")).isFalse();
        assertThat(records.get(cafe).get("state").get("address").get("street2").asString()).isEqualTo("Shop 2");
        assertThat(records.get(ajanta).get("state").get("name").asString()).isEqualTo("Ajanta Kitchen");
        assertThat(records.get(revised).get("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(records.get(revised).get("state").get("menu").get("items").get(0).get("price").get("amount").asString()).isEqualTo("13.00");
    }

    /** The state a restaurant's events in the outbox fold to, as the view builder folds them. */
    private static JsonNode fold(List<OutboxRow> events) {
        ObjectNode state = JSON.createObjectNode();
        for (OutboxRow event : events) {
            ObjectNode payload = (ObjectNode) event.payload();
            switch (event.eventType()) {
                case "restaurant.RestaurantCreated" -> {
                    state.setAll(payload);
                    state.remove("restaurantId");
                }
                case "restaurant.RestaurantRenamed" -> state.set("name", payload.get("name"));
                case "restaurant.RestaurantMenuRevised" -> state.set("menu", payload.get("menu"));
                case "restaurant.RestaurantOpeningHoursChanged" -> state.set("openingHours", payload.get("openingHours"));
                default -> throw new IllegalStateException("unexpected " + event);
            }
        }
        return state;
    }

    private String create(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", "/restaurants", body, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("restaurantId").asString();
    }
}
