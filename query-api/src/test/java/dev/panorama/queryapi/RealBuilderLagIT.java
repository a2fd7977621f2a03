package dev.panorama.queryapi;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.process.ServiceLaunch;
import dev.panorama.devstack.process.ServiceProcess;
import dev.panorama.queryapi.support.EventTrickle;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lag against the real view builder: its executable jar in a JVM of its own, fed a steady trickle of events.
 * Paused with SIGSTOP (the JVM stops; nothing fakes a position), it falls behind while the trickle goes on:
 * order-history is {@code stalled}, its message and time lag grow, health is DOWN. Resumed with SIGCONT, it
 * catches up and every view is {@code fresh} again.
 * <p>
 * The builder writes real view documents and positions, so this test has names of its own, not
 * {@link QueryApiStack}'s (whose documents and positions the other tests write by hand), and with them a
 * Spring context of its own, closed after the class: no other test uses it, and closed at JVM exit it would
 * race the engines' own shutdown (its lag poll waiting on a MongoDB already gone).
 */
@SpringBootTest(classes = QueryApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RealBuilderLagIT {

    private static final Engines ENGINES = QueryApiStack.ENGINES;
    private static final TestNamespace NAMESPACE = TestNamespace.forClass(RealBuilderLagIT.class);
    private static final String TOPIC_PREFIX = NAMESPACE.prefix() + ".";
    private static final String NAME_PREFIX = NAMESPACE.prefix() + "-";
    private static final String DATABASE = NAMESPACE.database("views");
    private static final String GROUP = NAMESPACE.group("view-builder");
    private static final int PARTITIONS = 2;

    /** The builder writes a heartbeat to every partition this often, so that every partition of a running builder moves. */
    private static final String HEARTBEAT_INTERVAL = "1s";
    /** Above the heartbeat interval, with room for a slow batch: a running builder's quiet partitions stay fresh. */
    private static final String FRESH_WITHIN = "3s";
    /** Five heartbeats: a running builder never looks stalled on a loaded machine; a paused one does within seconds. */
    private static final String STALLED_AFTER = "5s";

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration BUILDER_START = Duration.ofSeconds(120);
    /** Generous for a loaded 2-core machine; on a quiet one each phase takes seconds. */
    private static final Duration PHASE = Duration.ofSeconds(90);

    private static ServiceProcess builder;
    private static EventTrickle trickle;

    private final AtomicLong maxMessageLag = new AtomicLong();
    private final AtomicLong maxTimeLagMillis = new AtomicLong();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        QueryApiStack.registerEnginesAndCallers(registry);
        registry.add("panorama.query-api.database", () -> DATABASE);
        registry.add("panorama.query-api.name-prefix", () -> NAME_PREFIX);
        registry.add("panorama.query-api.topic-prefix", () -> TOPIC_PREFIX);
        registry.add("panorama.query-api.group-id", () -> GROUP);
        registry.add("panorama.query-api.lag.fresh-within", () -> FRESH_WITHIN);
        registry.add("panorama.query-api.lag.stalled-after", () -> STALLED_AFTER);
        registry.add("panorama.query-api.lag.log-end-cache-ttl", () -> "200ms");
        registry.add("panorama.query-api.lag.poll-interval", () -> "250ms");
    }

    /** The topics exist before the builder subscribes, with the partitions the test expects (the broker would create them with one). */
    @BeforeAll
    static void startTheViewBuilder() {
        for (String type : QueryApiStack.AGGREGATE_TYPES) {
            ENGINES.kafka().createTopic(topic(type), PARTITIONS);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", ENGINES.kafka().bootstrapServers());
        properties.put("spring.mongodb.uri", ENGINES.mongo().connectionString());
        properties.put("spring.elasticsearch.uris", ENGINES.elasticsearch().httpUrl());
        properties.put("panorama.view-builder.topic-prefix", TOPIC_PREFIX);
        properties.put("panorama.view-builder.name-prefix", NAME_PREFIX);
        properties.put("panorama.view-builder.database", DATABASE);
        properties.put("panorama.view-builder.group-id", GROUP);
        properties.put("panorama.view-builder.dead-letter-topic", NAMESPACE.topic("dead-letters"));
        properties.put("panorama.view-builder.heartbeat-interval", HEARTBEAT_INTERVAL);
        properties.put("server.port", "0");
        builder = ServiceProcess.start(ServiceLaunch.ofJarProperty("view-builder", "view-builder.jar").heap("256m").properties(properties),
            Path.of("target", "it-logs", NAMESPACE.prefix() + "-view-builder.log").toAbsolutePath(), BUILDER_START);
    }

    /** Even after a failure: a paused builder is resumed (a stopped JVM cannot act on SIGTERM), then stopped. */
    @AfterAll
    static void stopTheTrickleAndTheViewBuilder() {
        try {
            if (trickle != null) {
                trickle.close();
            }
        } finally {
            if (builder != null) {
                builder.close();
            }
        }
    }

    @Test
    void whileTheBuilderIsPausedOrderHistoryStallsWithGrowingLagAndOnceResumedEveryViewIsFreshAgain() {
        trickle = new EventTrickle(ENGINES.kafka().bootstrapServers(), RealBuilderLagIT::topic, 3, POLL);
        await("the trickle flows").atMost(PHASE).until(() -> trickle.published() >= 30);
        await("every view fresh, the builder running").atMost(PHASE).pollInterval(POLL).untilAsserted(() -> {
            JsonNode all = lag("/lag");
            assertThat(statuses(all)).hasSize(4).containsOnlyKeys("order-history", "order-details", "available-restaurants", "consumer-summary")
                .allSatisfy((view, status) -> assertThat(status).as(view).isEqualTo("fresh"));
            assertThat(all.get("views").valueStream().flatMap(view -> view.get("partitions").valueStream()))
                .as("the builder applied something on every partition").allSatisfy(partition ->
                    assertThat(partition.get("appliedOffset").asLong()).isPositive());
        });

        builder.pause();
        long pausedAt = System.nanoTime();
        double secondsToStall;
        try {
            JsonNode stalled = await("order-history stalled").atMost(PHASE).pollInterval(POLL)
                .until(this::orderHistory, lag -> lag.get("status").asString().equals("stalled"));
            secondsToStall = seconds(pausedAt);
            long messageLag = stalled.get("messageLag").asLong();
            long timeLag = stalled.get("timeLagMillis").asLong();
            assertThat(messageLag).as("events published while paused").isPositive();
            await("message lag and time lag grow").atMost(PHASE).pollDelay(Duration.ofSeconds(1)).pollInterval(POLL)
                .until(this::orderHistory, lag -> lag.get("status").asString().equals("stalled")
                    && lag.get("messageLag").asLong() > messageLag && lag.get("timeLagMillis").asLong() > timeLag);
            await("health DOWN").atMost(PHASE).pollInterval(POLL).untilAsserted(() -> {
                Http.Response health = http().get("/actuator/health/viewLag", Map.of(), Map.of());
                assertThat(health.status()).as(health.body()).isEqualTo(503);
                assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            });
        } finally {
            builder.resume();
        }

        long resumedAt = System.nanoTime();
        await("every view fresh again, health UP").atMost(PHASE).pollInterval(POLL).untilAsserted(() -> {
            assertThat(statuses(lag("/lag")).values()).hasSize(4).containsOnly("fresh");
            Http.Response health = http().get("/actuator/health/viewLag", Map.of(), Map.of());
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
        });
        double secondsToRecover = seconds(resumedAt);

        // Zero messages behind is a moment, not a state, while events keep coming: stop them, then everything must be applied.
        trickle.stop();
        await("caught up with everything published").atMost(PHASE).pollInterval(POLL).untilAsserted(() ->
            assertThat(lag("/lag").get("views").valueStream().map(view -> view.get("messageLag").asLong())).hasSize(4).containsOnly(0L));
        assertThat(trickle.failure()).as("every event of the trickle was published").isNull();
        System.out.printf("RealBuilderLagIT: %d events trickled; paused builder: order-history stalled after %.1f s, max lag %d messages / %.1f s; "
                + "fresh again %.1f s after SIGCONT%n", trickle.published(), secondsToStall, maxMessageLag.get(), maxTimeLagMillis.get() / 1000.0,
            secondsToRecover);
    }

    private static String topic(String aggregateType) {
        return TOPIC_PREFIX + "ftgo." + aggregateType + ".events";
    }

    /** The lag of order-history; the largest lags seen are kept for the summary. */
    private JsonNode orderHistory() {
        JsonNode lag = lag("/lag/order-history");
        maxMessageLag.accumulateAndGet(lag.get("messageLag").asLong(), Math::max);
        maxTimeLagMillis.accumulateAndGet(lag.get("timeLagMillis").asLong(), Math::max);
        return lag;
    }

    private JsonNode lag(String path) {
        Http.Response response = http().get(path, Map.of(), TestKeys.operator());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, String> statuses(JsonNode all) {
        Map<String, String> statuses = new TreeMap<>();
        all.get("views").valueStream().forEach(view -> statuses.put(view.get("view").asString(), view.get("status").asString()));
        return statuses;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private Http http() {
        return new Http(port);
    }
}
