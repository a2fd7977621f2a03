package dev.panorama.consumer;

import dev.panorama.servicetesting.TopicRecords;
import dev.panorama.servicetesting.TopicRecords.Published;
import dev.panorama.consumer.application.port.out.ConsumerRepository;
import dev.panorama.consumer.domain.Consumer;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.PersonName;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The service over HTTP against real PostgreSQL and Kafka: commands, their answers, and the events on the topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerServiceIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(ConsumerServiceIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.consumer.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        kafka.createTopic(TOPIC, 3);
        // Created here, once: the registry calls its suppliers on every lookup.
        String url = postgres.createDatabase(NAMESPACE.database("consumer")) + "?currentSchema=consumer";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("panorama.outbox.topics.consumer", () -> TOPIC);
        registry.add("panorama.outbox.relay.bootstrap-servers", kafka::bootstrapServers);
        registry.add("panorama.outbox.relay.poll-interval", () -> "1s");
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ConsumerRepository consumers;

    @Autowired
    private TransactionTemplate transactions;

    private final TopicRecords topic = new TopicRecords(Engines.shared().kafka(), TOPIC);

    @Test
    void registersAtVersionOneAndPublishesTheRegistrationKeyedByConsumerId() throws Exception {
        String email = uniqueEmail();

        HttpResponse<String> response = send("POST", "/consumers", registration(email), null, null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("consumerId").asString();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(response.headers().firstValue("Location")).hasValue("/consumers/" + id);
        assertThat(storedVersion(id)).as("Spring Data JDBC's @Version is the aggregate version").isEqualTo(1);

        Published record = awaitRecords(id, 1).getFirst();
        assertThat(record.value().get("eventType").asString()).isEqualTo("consumer.ConsumerRegistered");
        assertThat(record.value().get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(record.value().get("aggregateType").asString()).isEqualTo("consumer");
        assertThat(record.value().get("aggregateId").asString()).isEqualTo(id);
        assertThat(record.value().get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(record.value().get("correlationId").asString()).isNotBlank();
        assertThat(record.value().get("payload")).isEqualTo(JSON.readTree("""
            {"consumerId": "%s", "name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "%s",
             "address": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"}}""".formatted(id, email)));
        assertThat(record.headers()).containsEntry("panorama-event-type", "consumer.ConsumerRegistered")
            .containsEntry("panorama-aggregate-id", id).containsEntry("panorama-aggregate-version", "1");
    }

    @Test
    void eachChangeWithTheCurrentIfMatchRaisesTheVersionAndPublishesInOrder() throws Exception {
        String id = register(uniqueEmail());

        HttpResponse<String> renamed = send("PUT", "/consumers/" + id + "/name", """
            {"firstName": "Ada", "lastName": "King"}""", "\"1\"", "rename-request-1");
        HttpResponse<String> moved = send("PUT", "/consumers/" + id + "/address", """
            {"street1": "22 Harbour Road", "street2": "Flat 3", "city": "Oakland", "postalCode": "94607", "country": "US"}""", "\"2\"", null);

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JSON.readTree(renamed.body())).isEqualTo(JSON.readTree("{\"consumerId\": \"%s\", \"version\": 2}".formatted(id)));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).get("version").asLong()).isEqualTo(3);
        assertThat(storedVersion(id)).isEqualTo(3);

        List<Published> records = awaitRecords(id, 3);
        assertThat(records).extracting(record -> record.value().get("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(record -> record.value().get("eventType").asString())
            .containsExactly("consumer.ConsumerRegistered", "consumer.ConsumerRenamed", "consumer.ConsumerAddressChanged");
        assertThat(records.get(1).value().get("correlationId").asString()).as("the caller's X-Correlation-Id").isEqualTo("rename-request-1");
        assertThat(records.get(1).value().get("payload").get("name").get("lastName").asString()).isEqualTo("King");

        HttpResponse<String> current = send("GET", "/consumers/" + id, null, null, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(JSON.readTree(current.body()).get("address").get("street2").asString()).isEqualTo("Flat 3");
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() throws Exception {
        String id = register(uniqueEmail());
        send("PUT", "/consumers/" + id + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}", "\"1\"", null);

        HttpResponse<String> stale = send("PUT", "/consumers/" + id + "/name", "{\"firstName\": \"Augusta\", \"lastName\": \"King\"}", "\"1\"", null);

        assertProblem(stale, 409);
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(outboxRows(id)).isEqualTo(2);
    }

    @Test
    void anInvalidBodyIsABadRequestNamingEveryBadField() throws Exception {
        HttpResponse<String> response = send("POST", "/consumers", """
            {"name": {"firstName": "", "lastName": "Lovelace"}, "email": "not-an-address",
             "address": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "usa"}}""", null, null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList())
            .containsExactlyInAnyOrder("name.firstName", "email", "address.country");
    }

    @Test
    void anUnknownConsumerIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        assertProblem(send("GET", "/consumers/" + unknown, null, null, null), 404);
        assertProblem(send("PUT", "/consumers/" + unknown + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}", null, null), 404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndPublishesNothingNew() throws Exception {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = send("POST", "/consumers", registration(email), null, null, "Idempotency-Key", key);
        HttpResponse<String> retry = send("POST", "/consumers", registration(email), null, null, "Idempotency-Key", key);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(retry.headers().firstValue("ETag")).hasValue("\"1\"");
        String id = JSON.readTree(first.body()).get("consumerId").asString();
        assertThat(jdbc.sql("select count(*) from consumer where email = ?").param(email).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox where payload ->> 'email' = ?").param(email).query(Long.class).single())
            .as("one event for both requests").isEqualTo(1);
        assertThat(awaitRecords(id, 1)).hasSize(1);

        HttpResponse<String> reused = send("POST", "/consumers", registration(uniqueEmail()), null, null, "Idempotency-Key", key);
        assertProblem(reused, 422);
        assertProblem(send("POST", "/consumers", registration(uniqueEmail()), null, null, "Idempotency-Key", "k".repeat(201)), 400);
    }

    @Test
    void aSecondRegistrationWithTheSameEmailIsRefused() throws Exception {
        String email = uniqueEmail();
        register(email);

        assertProblem(send("POST", "/consumers", registration(email.toUpperCase()), null, null), 422);
    }

    @Test
    void renamingToTheCurrentNameAnswersTheCurrentVersionAndPublishesNothing() throws Exception {
        String id = register(uniqueEmail());

        HttpResponse<String> response = send("PUT", "/consumers/" + id + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\"}", "\"1\"", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("version").asLong()).isEqualTo(1);
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void aSaveOverAVersionSomeoneElseChangedFailsWithAnOptimisticLockingFailure() throws Exception {
        ConsumerId id = new ConsumerId(UUID.fromString(register(uniqueEmail())));
        Consumer first = consumers.findById(id).orElseThrow();
        Consumer second = consumers.findById(id).orElseThrow();
        first.rename(new PersonName("Ada", "King"), Instant.now());
        second.rename(new PersonName("Augusta", "King"), Instant.now());

        Long saved = transactions.execute(status -> consumers.save(first));
        assertThat(saved).isEqualTo(2);
        assertThatThrownBy(() -> transactions.execute(status -> consumers.save(second)))
            .as("answered 409 by the web adapter").isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(consumers.findById(id).orElseThrow().name()).isEqualTo(new PersonName("Ada", "King"));
    }

    private String register(String email) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/consumers", registration(email), null, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("consumerId").asString();
    }

    private List<Published> awaitRecords(String consumerId, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(consumerId), records -> records.size() >= count);
    }

    private long storedVersion(String consumerId) {
        return jdbc.sql("select version from consumer where id = ?::uuid").param(consumerId).query(Long.class).single();
    }

    private long outboxRows(String consumerId) {
        return jdbc.sql("select count(*) from outbox where aggregate_id = ?").param(consumerId).query(Long.class).single();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private static String registration(String email) {
        return """
            {"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "%s",
             "address": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"}}""".formatted(email);
    }

    private static String uniqueEmail() {
        return "ada-" + UUID.randomUUID() + "@example.org";
    }

    private HttpResponse<String> send(String method, String path, String body, String ifMatch, String correlationId, String... headers)
        throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
