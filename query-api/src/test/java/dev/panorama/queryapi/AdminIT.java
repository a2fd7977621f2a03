package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.DeadLetters;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.OpenApiDocument;
import dev.panorama.queryapi.support.Order;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.RebuildRegistry;
import dev.panorama.queryapi.support.TestJwts;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import dev.panorama.views.adapter.kafka.Redrive;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin operations against the real engines: only admins may call them; dead letters counted and
 * redriven onto their topics; readers switched between two versions of order-history and back; every
 * refusal a problem document.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminIT extends ApiIT {

    private static final OpenApiDocument CONTRACT = OpenApiDocument.load();
    private static final Map<String, String> NONE = Map.of();
    private static final String VIEW = "order-history";
    private static final String ALIAS = QueryApiStack.alias(VIEW);
    private static final Instant STARTED = Instant.parse("2026-11-26T08:00:00Z");

    @AfterEach
    void putOrderHistoryBackAtVersionOne() {
        if (QueryApiStack.elasticsearch().indexesBehind(ALIAS).contains(ALIAS + "-v2")) {
            QueryApiStack.elasticsearch().pointAlias(ALIAS, 1);
        }
        RebuildRegistry.forget(VIEW, "consumer-summary");
    }

    @Test
    void onlyAdminsMayCallTheAdminOperations() {
        RebuildRegistry.versions(VIEW, 1, null, null);
        List<Call> calls = List.of(
            new Call("GET", "/admin/dead-letters", null, "/admin/dead-letters"),
            new Call("POST", "/admin/dead-letters/redrive", "{\"dryRun\":true}", "/admin/dead-letters/redrive"),
            new Call("GET", "/admin/views/order-history/versions", null, "/admin/views/{view}/versions"),
            new Call("POST", "/admin/views/order-history/switch", "{\"version\":2}", "/admin/views/{view}/switch"),
            new Call("POST", "/admin/views/order-history/rollback", null, "/admin/views/{view}/rollback"));
        String adminToken = TestJwts.token("erin", List.of("admin"), Duration.ofMinutes(5));
        String operatorToken = TestJwts.token("frank", List.of("operator"), Duration.ofMinutes(5));
        for (Call call : calls) {
            assertProblem(call, call.send(http(), NONE), 401, "unauthenticated");
            assertProblem(call, call.send(http(), TestKeys.reader()), 403, "forbidden");
            assertProblem(call, call.send(http(), TestKeys.operator()), 403, "forbidden");
            assertProblem(call, call.send(http(), Map.of("Authorization", "Bearer " + operatorToken)), 403, "forbidden");
        }
        // Admins get through: reads and a dry run answer 200; the switch and rollback are refused by the registry, not by security.
        assertOk(calls.get(0), calls.get(0).send(http(), TestKeys.admin()));
        assertOk(calls.get(0), calls.get(0).send(http(), Map.of("Authorization", "Bearer " + adminToken)));
        assertOk(calls.get(1), calls.get(1).send(http(), TestKeys.admin()));
        assertOk(calls.get(2), calls.get(2).send(http(), TestKeys.admin()));
        assertProblem(calls.get(3), calls.get(3).send(http(), TestKeys.admin()), 409, "refused");
        assertProblem(calls.get(4), calls.get(4).send(http(), TestKeys.admin()), 409, "refused");
    }

    @Test
    void countsDeadLettersByReasonAndRedrivesThemOntoTheirTopics() {
        String parked1 = UUID.randomUUID().toString();
        String parked2 = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        // The parked letters first: a redrive of PARKED then commits past them in every partition.
        DeadLetters.publish(parked1, "PARKED", QueryApiStack.topic("order"));
        DeadLetters.publish(parked2, "PARKED", QueryApiStack.topic("order"));
        DeadLetters.publish(invalid, "INVALID_PAYLOAD", QueryApiStack.topic("consumer"));

        JsonNode waiting = admin("GET", "/admin/dead-letters", null, "/admin/dead-letters");
        assertThat(waiting.get("topic").asString()).isEqualTo(QueryApiStack.DEAD_LETTERS);
        assertThat(waiting.get("redriveGroup").asString()).isEqualTo(Redrive.groupOf(QueryApiStack.GROUP));
        assertThat(waiting.get("waiting").asLong()).isEqualTo(3);
        assertThat(waiting.get("truncated").asBoolean()).isFalse();
        assertThat(counts(waiting.get("byReason"))).isEqualTo(Map.of("PARKED", 2, "INVALID_PAYLOAD", 1));
        assertThat(waiting.get("counts").toString()).isEqualTo(Http.JSON.createArrayNode()
            .add(Http.JSON.createObjectNode().put("reason", "INVALID_PAYLOAD").put("originalTopic", QueryApiStack.topic("consumer")).put("count", 1))
            .add(Http.JSON.createObjectNode().put("reason", "PARKED").put("originalTopic", QueryApiStack.topic("order")).put("count", 2))
            .toString());
        Redrive.Waiting bounded = new Redrive(QueryApiStack.ENGINES.kafka().bootstrapServers(), QueryApiStack.DEAD_LETTERS,
            Redrive.groupOf(QueryApiStack.GROUP)).waiting(1);
        assertThat(bounded.truncated()).as("a scan stopped by its limit says so").isTrue();
        assertThat(bounded.scanned()).isEqualTo(1);
        assertThat(bounded.total()).isEqualTo(3);

        JsonNode dryRun = admin("POST", "/admin/dead-letters/redrive", "{\"reason\":\"PARKED\",\"dryRun\":true}", "/admin/dead-letters/redrive");
        assertThat(counts(dryRun.get("redriven"))).isEqualTo(Map.of("PARKED", 2));
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(admin("GET", "/admin/dead-letters", null, "/admin/dead-letters").get("waiting").asLong()).as("a dry run moves nothing").isEqualTo(3);

        JsonNode parked = admin("POST", "/admin/dead-letters/redrive", "{\"reason\":\"PARKED\"}", "/admin/dead-letters/redrive");
        assertThat(counts(parked.get("redriven"))).isEqualTo(Map.of("PARKED", 2));
        assertThat(parked.get("total").asInt()).isEqualTo(2);
        JsonNode left = admin("GET", "/admin/dead-letters", null, "/admin/dead-letters");
        assertThat(left.get("waiting").asLong()).isEqualTo(1);
        assertThat(counts(left.get("byReason"))).isEqualTo(Map.of("INVALID_PAYLOAD", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetters.redriven(QueryApiStack.topic("order")).keySet().containsAll(List.of(parked1, parked2)));
        ConsumerRecord<String, byte[]> back = DeadLetters.redriven(QueryApiStack.topic("order")).get(parked1);
        assertThat(new String(back.value(), StandardCharsets.UTF_8)).isEqualTo("{\"letter\":\"" + parked1 + "\"}");
        assertThat(back.headers().lastHeader("eventType")).as("the original headers travel back").isNotNull();
        assertThat(back.headers().lastHeader(Redrive.REASON)).as("the dead-letter headers do not").isNull();

        JsonNode all = admin("POST", "/admin/dead-letters/redrive", null, "/admin/dead-letters/redrive");
        assertThat(counts(all.get("redriven"))).isEqualTo(Map.of("INVALID_PAYLOAD", 1));
        assertThat(all.get("reason").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetters.redriven(QueryApiStack.topic("consumer")).containsKey(invalid));
        JsonNode none = admin("GET", "/admin/dead-letters", null, "/admin/dead-letters");
        assertThat(none.get("waiting").asLong()).isZero();
        assertThat(none.get("counts").isEmpty()).isTrue();
    }

    @Test
    void switchesReadersToAVerifiedVersionAndRollsBack(CapturedOutput output) {
        QueryApiStack.elasticsearch().createVersion(ALIAS, 2, QueryApiStack.mapping(VIEW, 2));
        try {
            String consumer = UUID.randomUUID().toString();
            Views.orderHistory(List.of(Order.of(consumer, UUID.randomUUID().toString(), "Ajanta", STARTED, "Naan")));
            RebuildRegistry.versions(VIEW, 1, 2, null);
            RebuildRegistry.checkpoint(VIEW, 2, "WRITING", STARTED, STARTED.plusSeconds(60));

            JsonNode before = admin("GET", "/admin/views/order-history/versions", null, "/admin/views/{view}/versions");
            assertThat(before.get("active").asInt()).isEqualTo(1);
            assertThat(before.get("building").asInt()).isEqualTo(2);
            assertThat(before.get("rebuild").get("phase").asString()).isEqualTo("WRITING");
            assertRefused(switchTo(2), "has not passed verification");

            RebuildRegistry.checkpoint(VIEW, 2, "VERIFIED", STARTED, STARTED.plusSeconds(120));
            JsonNode switched = admin("POST", "/admin/views/order-history/switch", "{\"version\":2}", "/admin/views/{view}/switch");
            assertThat(switched.get("active").asInt()).isEqualTo(2);
            assertThat(switched.get("previous").asInt()).isEqualTo(1);
            assertThat(switched.get("building").isNull()).isTrue();
            assertThat(QueryApiStack.elasticsearch().indexesBehind(ALIAS)).containsExactly(ALIAS + "-v2");
            Document registered = RebuildRegistry.versions(VIEW);
            assertThat(registered.getInteger("version")).isEqualTo(2);
            assertThat(registered.getInteger("previous")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> viewVersion(consumer) == 2);
            assertThat(output.getOut()).as("who switched is logged, by name, never by key")
                .contains("api-key:test-admin switched the readers of order-history to v2").doesNotContain(TestKeys.ADMIN);

            assertRefused(switchTo(2), "already active");
            assertRefused(switchTo(3), "is not built");

            JsonNode rolledBack = admin("POST", "/admin/views/order-history/rollback", null, "/admin/views/{view}/rollback");
            assertThat(rolledBack.get("active").asInt()).isEqualTo(1);
            assertThat(rolledBack.get("previous").asInt()).isEqualTo(2);
            assertThat(QueryApiStack.elasticsearch().indexesBehind(ALIAS)).containsExactly(ALIAS + "-v1");
            await().atMost(Duration.ofSeconds(10)).until(() -> viewVersion(consumer) == 1);

            RebuildRegistry.versions(VIEW, 1, 2, 2);
            assertRefused(rollback(), "is under way");
            RebuildRegistry.versions(VIEW, 1, null, null);
            assertRefused(rollback(), "no previous version");
            assertThat(QueryApiStack.elasticsearch().indexesBehind(ALIAS)).as("a refusal changes nothing").containsExactly(ALIAS + "-v1");
        } finally {
            QueryApiStack.elasticsearch().pointAlias(ALIAS, 1);
            QueryApiStack.elasticsearch().deleteIndex(ALIAS + "-v2");
        }
    }

    @Test
    void anUnknownOrUnregisteredViewIsNotFound() {
        Call unknown = new Call("POST", "/admin/views/order-futures/switch", "{\"version\":2}", "/admin/views/{view}/switch");
        assertProblem(unknown, unknown.send(http(), TestKeys.admin()), 404, "not-found");
        Call unregistered = new Call("GET", "/admin/views/consumer-summary/versions", null, "/admin/views/{view}/versions");
        assertProblem(unregistered, unregistered.send(http(), TestKeys.admin()), 404, "not-found");
        Call rollback = new Call("POST", "/admin/views/consumer-summary/rollback", null, "/admin/views/{view}/rollback");
        assertProblem(rollback, rollback.send(http(), TestKeys.admin()), 404, "not-found");
    }

    @Test
    void bodiesAreValidatedStrictly() {
        RebuildRegistry.versions(VIEW, 1, 2, null);
        String path = "/admin/views/order-history/switch";
        Call unknownField = new Call("POST", path, "{\"version\":2,\"force\":true}", "/admin/views/{view}/switch");
        JsonNode problem = assertProblem(unknownField, unknownField.send(http(), TestKeys.admin()), 400, "invalid-parameters");
        assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("force");
        assertThat(problem.get("errors").get(0).get("in").asString()).isEqualTo("body");
        for (String body : List.of("{\"version\":\"2\"}", "{\"version\":0}", "{}", "{\"version\":2,\"version\":3}", "[2]", "{\"version\":2} x",
            "not json")) {
            Call call = new Call("POST", path, body, "/admin/views/{view}/switch");
            assertProblem(call, call.send(http(), TestKeys.admin()), 400, "invalid-parameters");
        }
        Call noBody = new Call("POST", path, null, "/admin/views/{view}/switch");
        assertThat(assertProblem(noBody, noBody.send(http(), TestKeys.admin()), 400, "invalid-parameters").get("errors").get(0).get("message")
            .asString()).isEqualTo("is required");
        for (String body : List.of("{\"reason\":\"parked\"}", "{\"dryRun\":\"yes\"}", "{\"reason\":\"PARKED\",\"all\":true}")) {
            Call call = new Call("POST", "/admin/dead-letters/redrive", body, "/admin/dead-letters/redrive");
            assertProblem(call, call.send(http(), TestKeys.admin()), 400, "invalid-parameters");
        }
        Call rollbackWithField = new Call("POST", "/admin/views/order-history/rollback", "{\"version\":1}", "/admin/views/{view}/rollback");
        assertProblem(rollbackWithField, rollbackWithField.send(http(), TestKeys.admin()), 400, "invalid-parameters");

        Map<String, String> plainText = new HashMap<>(TestKeys.admin());
        plainText.put("Content-Type", "text/plain");
        Http.Response notJson = http().post(path, "{\"version\":2}", plainText);
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(415);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        Http.Response parameter = http().get("/admin/dead-letters", Map.of("limit", "5"), TestKeys.admin());
        assertThat(parameter.status()).isEqualTo(400);
        assertThat(http().get(path, NONE, TestKeys.admin()).status()).as("switching is POST only").isEqualTo(405);
        assertThat(RebuildRegistry.versions(VIEW).getInteger("version")).as("nothing was switched").isEqualTo(1);
    }

    private Http.Response switchTo(int version) {
        return http().postJson("/admin/views/order-history/switch", "{\"version\":" + version + "}", TestKeys.admin());
    }

    private Http.Response rollback() {
        return http().post("/admin/views/order-history/rollback", null, TestKeys.admin());
    }

    private int viewVersion(String consumer) {
        Http.Response response = http().get("/order-history", Map.of("consumerId", consumer), TestKeys.reader());
        return response.status() == 200 ? response.json().get("viewVersion").asInt() : -1;
    }

    /** An admin call that must succeed; its answer checked against the contract. */
    private JsonNode admin(String method, String path, String body, String documentedPath) {
        Call call = new Call(method, path, body, documentedPath);
        Http.Response response = call.send(http(), TestKeys.admin());
        assertOk(call, response);
        return response.json();
    }

    private static void assertOk(Call call, Http.Response response) {
        assertThat(response.status()).as(call + ": " + response.body()).isEqualTo(200);
        assertThat(CONTRACT.validate(call.method(), call.documentedPath(), 200, response.contentType(), response.body())).as(call.toString()).isEmpty();
    }

    private static void assertRefused(Http.Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/refused");
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    private static JsonNode assertProblem(Call call, Http.Response response, int status, String type) {
        assertThat(response.status()).as(call + ": " + response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(call.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).as(call.toString()).endsWith("/" + type);
        assertThat(CONTRACT.validate(call.method(), call.documentedPath(), status, response.contentType(), response.body())).as(call.toString())
            .isEmpty();
        return response.json();
    }

    private static Map<String, Integer> counts(JsonNode object) {
        Map<String, Integer> counts = new HashMap<>();
        object.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asInt()));
        return counts;
    }

    private record Call(String method, String path, String body, String documentedPath) {

        Http.Response send(Http http, Map<String, String> headers) {
            if (method.equals("GET")) {
                return http.get(path, Map.of(), headers);
            }
            return body == null ? http.post(path, null, headers) : http.postJson(path, body, headers);
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }
}
