package dev.panorama.consumer;

import dev.panorama.servicetesting.CommandHttp;
import dev.panorama.servicetesting.CommandServiceEngines;
import dev.panorama.servicetesting.TopicRecords;
import dev.panorama.servicetesting.TopicRecords.Published;
import dev.panorama.consumer.application.port.out.ConsumerRepository;
import dev.panorama.consumer.domain.Consumer;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.PersonName;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static dev.panorama.servicetesting.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service over HTTP against real PostgreSQL and Kafka: commands, their answers, and the events on the topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerServiceIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(ConsumerServiceIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.consumer.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        CommandServiceEngines.register(registry, NAMESPACE, "consumer", "consumer", TOPIC);
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
    private final CommandHttp http = new CommandHttp(() -> port);

    @Test
    void registersAtVersionOneAndPublishesTheRegistrationKeyedByConsumerId() throws Exception {
        String email = uniqueEmail();

        HttpResponse<String> response = http.send("POST", "/consumers", registration(email), null, null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("consumerId").asString();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(response.headers().firstValue("Location")).hasValue("/consumers/" + id);
        assertThat(storedVersion(id)).as("Spring Data JDBC's @Version is the aggregate version").isEqualTo(1);

        Published record = topic.awaitWithKey(id, 1).getFirst();
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

        HttpResponse<String> renamed = http.send("PUT", "/consumers/" + id + "/name", """
            {"firstName": "Ada", "lastName": "King"}""", "\"1\"", "rename-request-1");
        HttpResponse<String> moved = http.send("PUT", "/consumers/" + id + "/address", """
            {"street1": "22 Harbour Road", "street2": "Flat 3", "city": "Oakland", "postalCode": "94607", "country": "US"}""", "\"2\"", null);

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JSON.readTree(renamed.body())).isEqualTo(JSON.readTree("{\"consumerId\": \"%s\", \"version\": 2}".formatted(id)));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).get("version").asLong()).isEqualTo(3);
        assertThat(storedVersion(id)).isEqualTo(3);

        List<Published> records = topic.awaitWithKey(id, 3);
        assertThat(records).extracting(record -> record.value().get("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(record -> record.value().get("eventType").asString())
            .containsExactly("consumer.ConsumerRegistered", "consumer.ConsumerRenamed", "consumer.ConsumerAddressChanged");
        assertThat(records.get(1).value().get("correlationId").asString()).as("the caller's X-Correlation-Id").isEqualTo("rename-request-1");
        assertThat(records.get(1).value().get("payload").get("name").get("lastName").asString()).isEqualTo("King");

        HttpResponse<String> current = http.send("GET", "/consumers/" + id, null, null, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(JSON.readTree(current.body()).get("address").get("street2").asString()).isEqualTo("Flat 3");
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() throws Exception {
        String id = register(uniqueEmail());
        http.send("PUT", "/consumers/" + id + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}", "\"1\"", null);

        HttpResponse<String> stale = http.send("PUT", "/consumers/" + id + "/name", "{\"firstName\": \"Augusta\", \"lastName\": \"King\"}", "\"1\"", null);

        assertProblem(stale, 409);
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(outboxRows(id)).isEqualTo(2);
    }

    @Test
    void blindChangesSentTogetherAllApplyOneAfterTheOther() throws Exception {
        String id = register(uniqueEmail());
        List<String> lastNames = List.of("King", "Byron", "Milbanke");
        // Three writers: each can lose a race only to another's commit, so at most twice, within LostRaces.ATTEMPTS.
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> renames = new ArrayList<>();
        for (String lastName : lastNames) {
            renames.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    String name = "{\"firstName\": \"Ada\", \"lastName\": \"%s\"}".formatted(lastName);
                    return http.send("PUT", "/consumers/" + id + "/name", name, null, null);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();

        List<HttpResponse<String>> answers = renames.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).as("no 409: none of them named a version").containsOnly(200);
        assertThat(answers).extracting(answer -> JSON.readTree(answer.body()).get("version").asLong())
            .containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(storedVersion(id)).isEqualTo(4);
        assertThat(topic.awaitWithKey(id, 4)).extracting(record -> record.value().get("aggregateVersion").asLong())
            .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anInvalidBodyIsABadRequestNamingEveryBadField() throws Exception {
        HttpResponse<String> response = http.send("POST", "/consumers", """
            {"name": {"firstName": "", "lastName": "Lovelace"}, "email": "not-an-address",
             "address": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "usa"}}""", null, null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList())
            .containsExactlyInAnyOrder("name.firstName", "email", "address.country");
    }

    @Test
    void anUnknownConsumerIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        assertProblem(http.send("GET", "/consumers/" + unknown, null, null, null), 404);
        assertProblem(http.send("PUT", "/consumers/" + unknown + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}", null, null), 404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndPublishesNothingNew() throws Exception {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = http.send("POST", "/consumers", registration(email), null, null, "Idempotency-Key", key);
        HttpResponse<String> retry = http.send("POST", "/consumers", registration(email), null, null, "Idempotency-Key", key);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(retry.headers().firstValue("ETag")).hasValue("\"1\"");
        String id = JSON.readTree(first.body()).get("consumerId").asString();
        assertThat(jdbc.sql("select count(*) from consumer where email = ?").param(email).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox where payload ->> 'email' = ?").param(email).query(Long.class).single())
            .as("one event for both requests").isEqualTo(1);
        assertThat(topic.awaitWithKey(id, 1)).hasSize(1);

        HttpResponse<String> reused = http.send("POST", "/consumers", registration(uniqueEmail()), null, null, "Idempotency-Key", key);
        assertProblem(reused, 422);
        assertProblem(http.send("POST", "/consumers", registration(uniqueEmail()), null, null, "Idempotency-Key", "k".repeat(201)), 400);
    }

    @Test
    void aSecondRegistrationWithTheSameEmailIsRefused() throws Exception {
        String email = uniqueEmail();
        register(email);

        assertProblem(http.send("POST", "/consumers", registration(email.toUpperCase()), null, null), 422);
    }

    @Test
    void renamingToTheCurrentNameAnswersTheCurrentVersionAndPublishesNothing() throws Exception {
        String id = register(uniqueEmail());

        HttpResponse<String> response = http.send("PUT", "/consumers/" + id + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\"}", "\"1\"", null);

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
        HttpResponse<String> response = http.send("POST", "/consumers", registration(email), null, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("consumerId").asString();
    }

    private long storedVersion(String consumerId) {
        return jdbc.sql("select version from consumer where id = ?::uuid").param(consumerId).query(Long.class).single();
    }

    private long outboxRows(String consumerId) {
        return jdbc.sql("select count(*) from outbox where aggregate_id = ?").param(consumerId).query(Long.class).single();
    }

    private static String registration(String email) {
        return """
            {"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "%s",
             "address": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"}}""".formatted(email);
    }

    private static String uniqueEmail() {
        return "ada-" + UUID.randomUUID() + "@example.org";
    }
}
