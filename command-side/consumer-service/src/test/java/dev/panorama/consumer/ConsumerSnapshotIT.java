package dev.panorama.consumer;

import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.servicetesting.CommandHttp;
import dev.panorama.servicetesting.CommandServiceEngines;
import dev.panorama.servicetesting.SnapshotDownload;
import dev.panorama.servicetesting.SnapshotDownload.OutboxRow;
import dev.panorama.servicetesting.SnapshotDownload.Snapshot;
import dev.panorama.snapshot.SnapshotSummary;
import dev.panorama.snapshot.jdbc.PostgresSnapshotExporter;
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

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /snapshot} against real PostgreSQL: the export equals what folding each consumer's events gives,
 * and a slow export holds its MVCC snapshot without holding up writers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerSnapshotIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(ConsumerSnapshotIT.class);
    private static final String TOPIC = NAMESPACE.topic("ftgo.consumer.events");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A command takes milliseconds; one that waited for the export's transaction would take until the gate opens. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        CommandServiceEngines.register(registry, NAMESPACE, "consumer", "consumer", TOPIC);
        SnapshotDownload.fetchInPairs(registry);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PostgresSnapshotExporter exporter;

    private final CommandHttp http = new CommandHttp(() -> port);
    private final SnapshotDownload snapshots = new SnapshotDownload(() -> port, () -> jdbc);

    @Test
    void theExportIsEveryConsumerAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        String ada = register();
        String grace = register();
        String alan = register();
        assertThat(http.send("PUT", "/consumers/" + ada + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}", null, null).statusCode())
            .isEqualTo(200);
        assertThat(http.send("PUT", "/consumers/" + ada + "/address", """
            {"street1": "22 Harbour Road", "street2": "Flat 3", "city": "Oakland", "postalCode": "94607", "country": "US"}""", null, null).statusCode())
            .isEqualTo(200);
        assertThat(http.send("PUT", "/consumers/" + grace + "/name", "{\"firstName\": \"Grace\", \"lastName\": \"Hopper\"}", null, null)
            .statusCode()).isEqualTo(200);

        Map<String, JsonNode> records = snapshots.assertCurrent("consumer-service", "consumer", "consumer", ConsumerSnapshotIT::fold).records();

        assertThat(records.keySet()).contains(ada, grace, alan);
        assertThat(records.get(ada).get("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(records.get(ada).get("state")).isEqualTo(JSON.readTree("""
            {"name": {"firstName": "Ada", "lastName": "King"}, "email": "%s",
             "address": {"street1": "22 Harbour Road", "street2": "Flat 3", "city": "Oakland", "postalCode": "94607", "country": "US"}}"""
            .formatted(records.get(ada).get("state").get("email").asString())));
    }

    @Test
    void aSlowExportBlocksNoWriterAndShowsTheStateAsOfItsStart() throws Exception {
        String ada = register();
        String grace = register();
        long adaVersion = storedVersion(ada);
        JsonNode adaBefore = fold(snapshots.outboxRows(ada));
        JsonNode graceBefore = fold(snapshots.outboxRows(grace));

        // The export takes its snapshot, writes the header and then waits at the gate: its transaction stays open.
        GatedStream gated = new GatedStream();
        CompletableFuture<SnapshotSummary> export = CompletableFuture.supplyAsync(() -> {
            try {
                return exporter.export(gated);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(gated.headerWritten.await(20, TimeUnit.SECONDS)).as("the header is out").isTrue();
        assertThat(jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() and state = 'idle in transaction'")
            .query(Long.class).single()).as("the export's transaction is open").isGreaterThanOrEqualTo(1);

        String alan = timed(this::register);
        timed(() -> assertThat(http.send("PUT", "/consumers/" + ada + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}", null, null)
            .statusCode()).isEqualTo(200));
        timed(() -> assertThat(http.send("PUT", "/consumers/" + ada + "/address", """
            {"street1": "22 Harbour Road", "city": "Oakland", "postalCode": "94607", "country": "US"}""", null, null).statusCode()).isEqualTo(200));
        timed(() -> assertThat(http.send("PUT", "/consumers/" + grace + "/name", "{\"firstName\": \"Grace\", \"lastName\": \"Hopper\"}", null, null)
            .statusCode()).isEqualTo(200));
        assertThat(export).as("still held at the gate").isNotDone();

        gated.release.countDown();
        SnapshotSummary summary = export.get(20, TimeUnit.SECONDS);

        Snapshot snapshot = snapshots.read(gated.text());
        Map<String, JsonNode> records = snapshot.records();
        assertThat(records).as("registered after the snapshot was taken").doesNotContainKey(alan);
        assertThat(records.get(ada).get("aggregateVersion").asLong()).isEqualTo(adaVersion);
        assertThat(records.get(ada).get("state")).as("Ada as she was").isEqualTo(adaBefore);
        assertThat(records.get(grace).get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(records.get(grace).get("state")).isEqualTo(graceBefore);
        assertThat(summary.records()).isEqualTo(snapshot.lines().size() - 2);
        long highWaterMark = snapshot.header().get("outboxHighWaterMark").asLong();
        assertThat(summary.position().outboxHighWaterMark()).isEqualTo(highWaterMark);
        List<Long> concurrentPositions = jdbc.sql("""
                select position from outbox where (aggregate_id = ? and aggregate_version > ?) or (aggregate_id = ? and aggregate_version > 1)
                   or aggregate_id = ?""")
            .params(ada, adaVersion, grace, alan).query(Long.class).list();
        assertThat(concurrentPositions).hasSize(4).allSatisfy(position -> assertThat(position).isGreaterThan(highWaterMark));

        Map<String, JsonNode> now = snapshots.plain().records();
        assertThat(now).containsKey(alan);
        assertThat(now.get(ada).get("aggregateVersion").asLong()).isEqualTo(adaVersion + 2);
        assertThat(now.get(ada).get("state")).isEqualTo(fold(snapshots.outboxRows(ada)));
    }

    @Test
    void aClientAskingForGzipGetsTheSameLinesCompressed() throws Exception {
        register();

        Snapshot snapshot = snapshots.gzipped();

        assertThat(snapshot.trailer().get("records").asLong()).isGreaterThanOrEqualTo(1);
    }

    /** The state a consumer's events in the outbox fold to, as the view builder folds them. */
    private static JsonNode fold(List<OutboxRow> events) {
        ObjectNode state = JSON.createObjectNode();
        for (OutboxRow event : events) {
            JsonNode payload = event.payload();
            switch (event.eventType()) {
                case "consumer.ConsumerRegistered" -> {
                    state.set("name", payload.get("name"));
                    state.set("email", payload.get("email"));
                    state.set("address", payload.get("address"));
                }
                case "consumer.ConsumerRenamed" -> state.set("name", payload.get("name"));
                case "consumer.ConsumerAddressChanged" -> state.set("address", payload.get("address"));
                default -> throw new IllegalStateException("unexpected " + event);
            }
        }
        return state;
    }

    private long storedVersion(String consumerId) {
        return jdbc.sql("select version from consumer where id = ?::uuid").param(consumerId).query(Long.class).single();
    }

    private String register() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", "/consumers", """
            {"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada-%s@example.org",
             "address": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"}}""".formatted(UUID.randomUUID()),
            null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("consumerId").asString();
    }

    private static <T> T timed(Command<T> command) throws Exception {
        long start = System.nanoTime();
        T result = command.run();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a command during the export").isLessThan(PROMPTLY);
        return result;
    }

    @FunctionalInterface
    private interface Command<T> {
        T run() throws Exception;
    }

    /** A client that reads the header and then stops reading until released: the export waits at its first flush. */
    private static final class GatedStream extends FilterOutputStream {

        final CountDownLatch headerWritten = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        GatedStream() {
            super(new ByteArrayOutputStream());
        }

        @Override
        public void flush() throws IOException {
            super.flush();
            if (headerWritten.getCount() > 0) {
                headerWritten.countDown();
                try {
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("the test never released the export");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        String text() {
            return ((ByteArrayOutputStream) out).toString(StandardCharsets.UTF_8);
        }
    }
}
