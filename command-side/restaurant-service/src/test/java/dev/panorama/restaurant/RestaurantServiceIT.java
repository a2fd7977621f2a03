package dev.panorama.restaurant;

import dev.panorama.servicetesting.CommandHttp;
import dev.panorama.servicetesting.CommandServiceEngines;
import dev.panorama.servicetesting.TopicRecords;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.servicetesting.TopicRecords.Published;
import dev.panorama.restaurant.application.port.out.RestaurantRepository;
import dev.panorama.restaurant.domain.Restaurant;
import dev.panorama.restaurant.domain.RestaurantId;
import dev.panorama.restaurant.domain.RestaurantName;
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
class RestaurantServiceIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(RestaurantServiceIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.restaurant.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String LOCATION = "{\"lat\": 37.8044, \"lon\": -122.2712}";
    private static final String ADDRESS = """
        {"street1": "1888 Solano Avenue", "city": "Berkeley", "postalCode": "94707", "country": "US"}""";
    private static final String HOURS = """
        [{"dayOfWeek": "MONDAY", "opens": "11:00", "closes": "23:00"}, {"dayOfWeek": "SATURDAY", "opens": "18:00", "closes": "02:00"}]""";
    private static final String MENU = """
        {"items": [{"menuItemId": "chicken-vindaloo", "name": "Chicken Vindaloo", "price": {"amount": "12.34", "currency": "USD"}},
                   {"menuItemId": "garlic-naan", "name": "Garlic Naan", "price": {"amount": "3.50", "currency": "USD"}}]}""";
    private static final String CREATION = """
        {"name": "Ajanta", "cuisine": "Indian", "location": %s, "address": %s, "openingHours": %s, "menu": %s}"""
        .formatted(LOCATION, ADDRESS, HOURS, MENU);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        CommandServiceEngines.register(registry, NAMESPACE, "restaurant", "restaurant", TOPIC);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private RestaurantRepository restaurants;

    @Autowired
    private TransactionTemplate transactions;

    private final TopicRecords topic = new TopicRecords(Engines.shared().kafka(), TOPIC);
    private final CommandHttp http = new CommandHttp(() -> port);

    @Test
    void createsAtVersionOneAndPublishesTheCreationKeyedByRestaurantId() throws Exception {
        HttpResponse<String> response = http.send("POST", "/restaurants", CREATION, null, null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("restaurantId").asString();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(response.headers().firstValue("Location")).hasValue("/restaurants/" + id);
        assertThat(storedVersion(id)).as("Spring Data JDBC's @Version is the aggregate version").isEqualTo(1);

        Published record = topic.awaitWithKey(id, 1).getFirst();
        assertThat(record.value().get("eventType").asString()).isEqualTo("restaurant.RestaurantCreated");
        assertThat(record.value().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(record.value().get("aggregateType").asString()).isEqualTo("restaurant");
        assertThat(record.value().get("aggregateId").asString()).isEqualTo(id);
        assertThat(record.value().get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(record.value().get("correlationId").asString()).isNotBlank();
        assertThat(record.value().get("payload")).isEqualTo(JSON.readTree("""
            {"restaurantId": "%s", "name": "Ajanta", "cuisine": "Indian", "location": %s, "address": %s, "openingHours": %s, "menu": %s}"""
            .formatted(id, LOCATION, ADDRESS, HOURS, MENU)));
        assertThat(record.headers()).containsEntry("panorama-event-type", "restaurant.RestaurantCreated")
            .containsEntry("panorama-aggregate-id", id).containsEntry("panorama-aggregate-version", "1");

        HttpResponse<String> current = http.send("GET", "/restaurants/" + id, null, null, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JSON.readTree(current.body())).isEqualTo(JSON.readTree("""
            {"restaurantId": "%s", "version": 1, "name": "Ajanta", "cuisine": "Indian", "location": %s, "address": %s,
             "openingHours": %s, "menu": %s}""".formatted(id, LOCATION, ADDRESS, HOURS, MENU)));
    }

    @Test
    void eachChangeWithTheCurrentIfMatchRaisesTheVersionAndPublishesInOrder() throws Exception {
        String id = create();

        HttpResponse<String> renamed = http.send("PUT", "/restaurants/" + id + "/name", "{\"name\": \"Ajanta Kitchen\"}", "\"1\"", "rename-1");
        HttpResponse<String> revised = http.send("PUT", "/restaurants/" + id + "/menu", """
            {"items": [{"menuItemId": "mango-lassi", "name": "Mango Lassi", "price": {"amount": "4.25", "currency": "USD"}}]}""", "\"2\"", null);
        HttpResponse<String> hours = http.send("PUT", "/restaurants/" + id + "/opening-hours", """
            {"openingHours": [{"dayOfWeek": "SUNDAY", "opens": "00:00", "closes": "24:00"}]}""", "\"3\"", null);

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JSON.readTree(renamed.body())).isEqualTo(JSON.readTree("{\"restaurantId\": \"%s\", \"version\": 2}".formatted(id)));
        assertThat(revised.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(revised.body()).get("version").asLong()).isEqualTo(3);
        assertThat(hours.statusCode()).isEqualTo(200);
        assertThat(hours.headers().firstValue("ETag")).hasValue("\"4\"");
        assertThat(storedVersion(id)).isEqualTo(4);

        List<Published> records = topic.awaitWithKey(id, 4);
        assertThat(records).extracting(record -> record.value().get("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records).extracting(record -> record.value().get("eventType").asString()).containsExactly("restaurant.RestaurantCreated",
            "restaurant.RestaurantRenamed", "restaurant.RestaurantMenuRevised", "restaurant.RestaurantOpeningHoursChanged");
        assertThat(records.get(1).value().get("correlationId").asString()).as("the caller's X-Correlation-Id").isEqualTo("rename-1");
        assertThat(records.get(2).value().get("payload").get("menu").get("items")).hasSize(1);
        assertThat(records.get(3).value().get("payload").get("openingHours").get(0).get("closes").asString()).isEqualTo("24:00");

        JsonNode current = JSON.readTree(http.send("GET", "/restaurants/" + id, null, null, null).body());
        assertThat(current.get("version").asLong()).isEqualTo(4);
        assertThat(current.get("name").asString()).isEqualTo("Ajanta Kitchen");
        assertThat(current.get("menu").get("items").get(0).get("menuItemId").asString()).isEqualTo("mango-lassi");
        assertThat(current.get("openingHours").get(0).get("dayOfWeek").asString()).isEqualTo("SUNDAY");
        assertThat(jdbc.sql("select count(*) from menu_item where restaurant_id = ?::uuid").param(id).query(Long.class).single())
            .as("the old menu's rows are gone").isEqualTo(1);
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() throws Exception {
        String id = create();
        http.send("PUT", "/restaurants/" + id + "/name", "{\"name\": \"Ajanta Kitchen\"}", "\"1\"", null);

        HttpResponse<String> stale = http.send("PUT", "/restaurants/" + id + "/menu", MENU.replace("12.34", "13.00"), "\"1\"", null);

        assertProblem(stale, 409);
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(outboxRows(id)).isEqualTo(2);
        assertProblem(http.send("PUT", "/restaurants/" + id + "/name", "{\"name\": \"X\"}", "W/\"2\"", null), 400);
    }

    @Test
    void anInvalidBodyIsABadRequestNamingEveryBadField() throws Exception {
        HttpResponse<String> response = http.send("POST", "/restaurants", """
            {"name": "", "location": {"lat": 91, "lon": -122.2712}, "address": %s,
             "openingHours": [{"dayOfWeek": "MONDAY", "opens": "9:00", "closes": "24:30"}],
             "menu": {"items": [{"menuItemId": "a b", "name": "Naan", "price": {"amount": "3.5", "currency": "usd"}}]}}"""
            .formatted(ADDRESS), null, null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList()).containsExactlyInAnyOrder(
            "name", "location.lat", "openingHours[0].opens", "openingHours[0].closes", "menu.items[0].menuItemId",
            "menu.items[0].price.amount", "menu.items[0].price.currency");
    }

    @Test
    void menusWithoutItemsWithRepeatedIdsOrUnknownCurrenciesAreBadRequests() throws Exception {
        String id = create();
        String repeated = """
            {"items": [{"menuItemId": "naan", "name": "Naan", "price": {"amount": "3.50", "currency": "USD"}},
                       {"menuItemId": "naan", "name": "Garlic Naan", "price": {"amount": "3.90", "currency": "USD"}}]}""";

        assertProblem(http.send("PUT", "/restaurants/" + id + "/menu", "{\"items\": []}", null, null), 400);
        assertThat(assertProblem(http.send("PUT", "/restaurants/" + id + "/menu", repeated, null, null), 400).get("detail").asString())
            .contains("naan");
        assertProblem(http.send("PUT", "/restaurants/" + id + "/menu", MENU.replace("USD", "XYZ"), null, null), 400);
        assertProblem(http.send("PUT", "/restaurants/" + id + "/opening-hours",
            "{\"openingHours\": [{\"dayOfWeek\": \"FUNDAY\", \"opens\": \"10:00\", \"closes\": \"11:00\"}]}", null, null), 400);
        assertProblem(http.send("POST", "/restaurants", "{not json", null, null), 400);
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void anUnknownRestaurantIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        assertProblem(http.send("GET", "/restaurants/" + unknown, null, null, null), 404);
        assertProblem(http.send("PUT", "/restaurants/" + unknown + "/name", "{\"name\": \"Ajanta\"}", null, null), 404);
        assertProblem(http.send("PUT", "/restaurants/" + unknown + "/menu", MENU, null, null), 404);
        assertProblem(http.send("PUT", "/restaurants/" + unknown + "/opening-hours", "{\"openingHours\": []}", null, null), 404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndPublishesNothingNew() throws Exception {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = http.send("POST", "/restaurants", CREATION, null, null, "Idempotency-Key", key);
        HttpResponse<String> retry = http.send("POST", "/restaurants", CREATION, null, null, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(retry.headers().firstValue("ETag")).hasValue("\"1\"");
        String id = JSON.readTree(first.body()).get("restaurantId").asString();
        assertThat(jdbc.sql("select count(*) from creation_idempotency_key where idempotency_key = ?").param(key).query(Long.class).single())
            .isEqualTo(1);
        assertThat(outboxRows(id)).as("one event for both requests").isEqualTo(1);
        assertThat(topic.awaitWithKey(id, 1)).hasSize(1);

        assertProblem(http.send("POST", "/restaurants", CREATION.replace("Ajanta", "Other"), null, null, "Idempotency-Key", key), 422);
        assertProblem(http.send("POST", "/restaurants", CREATION, null, null, "Idempotency-Key", "k".repeat(201)), 400);
    }

    @Test
    void changingToWhatItAlreadyIsAnswersTheCurrentVersionAndPublishesNothing() throws Exception {
        String id = create();

        HttpResponse<String> renamed = http.send("PUT", "/restaurants/" + id + "/name", "{\"name\": \"Ajanta\"}", "\"1\"", null);
        HttpResponse<String> revised = http.send("PUT", "/restaurants/" + id + "/menu", MENU, "\"1\"", null);
        HttpResponse<String> hours = http.send("PUT", "/restaurants/" + id + "/opening-hours", "{\"openingHours\": %s}".formatted(HOURS), null, null);

        for (HttpResponse<String> response : List.of(renamed, revised, hours)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("version").asLong()).isEqualTo(1);
        }
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void aSaveOverAVersionSomeoneElseChangedFailsWithAnOptimisticLockingFailure() throws Exception {
        RestaurantId id = new RestaurantId(UUID.fromString(create()));
        Restaurant first = restaurants.findById(id).orElseThrow();
        Restaurant second = restaurants.findById(id).orElseThrow();
        first.rename(new RestaurantName("Ajanta Kitchen"), Instant.now());
        second.rename(new RestaurantName("Ajanta Palace"), Instant.now());

        Long saved = transactions.execute(status -> restaurants.save(first));
        assertThat(saved).isEqualTo(2);
        assertThatThrownBy(() -> transactions.execute(status -> restaurants.save(second)))
            .as("answered 409 by the web adapter").isInstanceOf(OptimisticLockingFailureException.class);
        Restaurant stored = restaurants.findById(id).orElseThrow();
        assertThat(stored.name()).isEqualTo(new RestaurantName("Ajanta Kitchen"));
        assertThat(stored.menu().items()).hasSize(2);
        assertThat(stored.openingHours().periods()).hasSize(2);
    }

    @Test
    void exposesHealthAndPrometheusMetrics() throws Exception {
        HttpResponse<String> health = http.send("GET", "/actuator/health", null, null, null);
        HttpResponse<String> prometheus = http.send("GET", "/actuator/prometheus", null, null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    private String create() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", "/restaurants", CREATION, null, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("restaurantId").asString();
    }

    private long storedVersion(String restaurantId) {
        return jdbc.sql("select version from restaurant where id = ?::uuid").param(restaurantId).query(Long.class).single();
    }

    private long outboxRows(String restaurantId) {
        return jdbc.sql("select count(*) from outbox where aggregate_id = ?").param(restaurantId).query(Long.class).single();
    }
}
