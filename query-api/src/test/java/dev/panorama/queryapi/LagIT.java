package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.RebuildRegistry;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lag against a real Kafka log end and position documents written as the view builder writes them:
 * a builder that stopped behind the log end is {@code stalled} (and health is DOWN), one that moves but
 * trails is {@code lagging}, one that caught up is {@code fresh}. Next to the lag, each view's versions
 * and the progress of a rebuild under way, from registry and checkpoint documents written as the rebuild
 * tool writes them.
 */
class LagIT extends ApiIT {

    private static final int RECORDS_PER_PARTITION = 3;

    @BeforeAll
    static void fillTheTopics() {
        QueryApiStack.prepare();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, QueryApiStack.ENGINES.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String type : QueryApiStack.AGGREGATE_TYPES) {
                for (int partition = 0; partition < QueryApiStack.PARTITIONS; partition++) {
                    for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                        producer.send(new ProducerRecord<>(QueryApiStack.topic(type), partition, "key", "{}"));
                    }
                }
            }
            producer.flush();
        }
    }

    @Test
    void aBuilderStuckBehindTheLogEndIsStalledAndHealthIsDownUntilItCatchesUp() {
        Instant now = Instant.now();
        positions(1, now.minusSeconds(60), now.minusSeconds(30));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode lag = lag("/lag/order-history");
            assertThat(lag.get("status").asString()).isEqualTo("stalled");
            assertThat(lag.get("messageLag").asLong()).isEqualTo(4L * QueryApiStack.PARTITIONS * (RECORDS_PER_PARTITION - 1));
            JsonNode partition = lag.get("partitions").get(0);
            assertThat(partition.get("appliedOffset").asLong()).isEqualTo(1);
            assertThat(partition.get("logEndOffset").asLong()).isEqualTo(RECORDS_PER_PARTITION);
            assertThat(partition.get("timeLagMillis").asLong()).isGreaterThanOrEqualTo(60_000);
            Http.Response health = http().get("/actuator/health/viewLag", Map.of(), Map.of());
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        });

        positions(RECORDS_PER_PARTITION - 1, Instant.now().minusSeconds(30), Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lag("/lag/available-restaurants").get("status").asString())
            .isEqualTo("lagging"));

        positions(RECORDS_PER_PARTITION, Instant.now(), Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode all = lag("/lag");
            assertThat(all.get("views").valueStream().map(view -> view.get("status").asString())).containsOnly("fresh");
            assertThat(all.get("views")).hasSize(4);
            assertThat(http().get("/actuator/health/viewLag", Map.of(), Map.of()).status()).isEqualTo(200);
        });
        System.out.printf("LagIT: stalled -> lagging -> fresh over %d partitions%n", 4 * QueryApiStack.PARTITIONS);
    }

    @Test
    void heartbeatRoundTripsAreKeptOverAWindowAndExportedAsGauges() {
        long[] roundTrips = {40, 80, 120, 600};
        for (long roundTrip : roundTrips) {
            Instant seen = Instant.now();
            for (String type : QueryApiStack.AGGREGATE_TYPES) {
                Views.position(QueryApiStack.topic(type), 0, RECORDS_PER_PARTITION, seen, seen, roundTrip, seen);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(lag("/lag/order-history").get("heartbeat").get("lastMillis").asLong()).isEqualTo(roundTrip));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode heartbeat = lag("/lag/order-history").get("heartbeat");
            assertThat(heartbeat.get("samples").asInt()).isGreaterThanOrEqualTo(roundTrips.length);
            assertThat(heartbeat.get("p99Millis").asLong()).isEqualTo(600);
            assertThat(heartbeat.get("p50Millis").asLong()).isBetween(40L, 120L);
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = http().get("/actuator/prometheus", Map.of(), TestKeys.operator()).body();
            assertThat(metrics).contains("panorama_view_lag_messages{partition=\"0\",topic=\"" + QueryApiStack.topic("order") + "\",view=\"order-history\"}")
                .contains("panorama_view_status{view=\"consumer-summary\"}")
                .contains("panorama_view_heartbeat_round_trip_seconds{quantile=\"0.99\",view=\"order-history\"} 0.6")
                // Requests are observed as a whole; the security filters, one by one, are not.
                .contains("http_server_requests_seconds_count").doesNotContain("spring_security_");
        });
    }

    @Test
    void eachViewShowsItsVersionsAndTheProgressOfARebuildUnderWay() {
        Instant started = Instant.parse("2026-11-26T08:00:00Z");
        Instant updated = Instant.parse("2026-11-26T08:10:00.250Z");
        RebuildRegistry.versions("order-history", 2, 3, 1);
        RebuildRegistry.checkpoint("order-history", 3, "WRITING", started, updated);
        RebuildRegistry.progress("order-history", 3, "write", 40_000, 100_000, 2_000, 30, updated);
        RebuildRegistry.pointer("available-restaurants", 2);
        RebuildRegistry.checkpoint("available-restaurants", 2, "SWITCHED", started, started);

        JsonNode history = lag("/lag/order-history");
        assertThat(history.get("status").isString()).as("the lag fields stay").isTrue();
        assertThat(history.get("partitions")).isNotEmpty();
        assertThat(history.get("versions").get("active").asInt()).isEqualTo(2);
        assertThat(history.get("versions").get("building").asInt()).isEqualTo(3);
        assertThat(history.get("versions").get("previous").asInt()).isEqualTo(1);
        JsonNode rebuild = history.get("rebuild");
        assertThat(rebuild.get("version").asInt()).isEqualTo(3);
        assertThat(rebuild.get("phase").asString()).isEqualTo("WRITING");
        assertThat(rebuild.get("startedAt").asString()).isEqualTo("2026-11-26T08:00:00Z");
        assertThat(rebuild.get("updatedAt").asString()).isEqualTo("2026-11-26T08:10:00.250Z");
        JsonNode progress = rebuild.get("progress");
        assertThat(progress.get("step").asString()).isEqualTo("write");
        assertThat(List.of(progress.get("done").asLong(), progress.get("total").asLong(), progress.get("perSecond").asLong(),
            progress.get("etaSeconds").asLong())).containsExactly(40_000L, 100_000L, 2_000L, 30L);
        assertThat(progress.get("at").asString()).isEqualTo("2026-11-26T08:10:00.250Z");

        JsonNode restaurants = lag("/lag/available-restaurants");
        assertThat(restaurants.get("versions").get("active").asInt()).isEqualTo(2);
        assertThat(restaurants.get("versions").get("building").isNull()).isTrue();
        assertThat(restaurants.get("versions").get("previous").isNull()).isTrue();
        assertThat(restaurants.has("rebuild")).as("nothing building: the old checkpoint is history").isFalse();

        JsonNode all = lag("/lag");
        JsonNode summary = all.get("views").valueStream().filter(view -> view.get("view").asString().equals("consumer-summary"))
            .findFirst().orElseThrow();
        assertThat(summary.get("versions").get("active").asInt()).as("no registry document: version 1").isEqualTo(1);
        assertThat(summary.get("versions").get("building").isNull()).isTrue();
        assertThat(summary.has("rebuild")).isFalse();
        assertThat(all.get("views").valueStream().filter(view -> view.has("rebuild")).map(view -> view.get("view").asString()))
            .containsExactly("order-history");
    }

    @AfterEach
    void forgetTheRegistry() {
        RebuildRegistry.forget("order-history", "available-restaurants");
    }

    private static void positions(long nextOffset, Instant lastEventAt, Instant appliedAt) {
        for (String type : QueryApiStack.AGGREGATE_TYPES) {
            for (int partition = 0; partition < QueryApiStack.PARTITIONS; partition++) {
                Views.position(QueryApiStack.topic(type), partition, nextOffset, lastEventAt, appliedAt, null, null);
            }
        }
    }

    private JsonNode lag(String path) {
        Http.Response response = http().get(path, Map.of(), TestKeys.operator());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
