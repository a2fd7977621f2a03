package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lag against a real Kafka log end and position documents written as the view builder writes them:
 * a builder that stopped behind the log end is {@code stalled} (and health is DOWN), one that moves but
 * trails is {@code lagging}, one that caught up is {@code fresh}.
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
                .contains("panorama_view_heartbeat_round_trip_seconds{quantile=\"0.99\",view=\"order-history\"} 0.6");
        });
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
