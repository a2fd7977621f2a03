package dev.panorama.consumer;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.servicetesting.ContractFiles;
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
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

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
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A command takes milliseconds; one that waited for the export's transaction would take until the gate opens. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        kafka.createTopic(TOPIC, 3);
        String url = postgres.createDatabase(NAMESPACE.database("consumer")) + "?currentSchema=consumer";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("panorama.outbox.topics.consumer", () -> TOPIC);
        registry.add("panorama.outbox.relay.bootstrap-servers", kafka::bootstrapServers);
        registry.add("panorama.outbox.relay.poll-interval", () -> "1s");
        // Small, so that even this test's few rows come through more than one cursor fetch.
        registry.add("panorama.snapshot.fetch-size", () -> "2");
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PostgresSnapshotExporter exporter;

    private final ContractFiles contracts = new ContractFiles();

    @Test
    void theExportIsEveryConsumerAsItsEventsFoldWithHeaderAndTrailer() throws Exception {
        String ada = register();
        String grace = register();
        String alan = register();
        assertThat(send("PUT", "/consumers/" + ada + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}").statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/consumers/" + ada + "/address", """
            {"street1": "22 Harbour Road", "street2": "Flat 3", "city": "Oakland", "postalCode": "94607", "country": "US"}""").statusCode())
            .isEqualTo(200);
        assertThat(send("PUT", "/consumers/" + grace + "/name", "{\"firstName\": \"Grace\", \"lastName\": \"Hopper\"}").statusCode()).isEqualTo(200);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = send("GET", "/snapshot", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<JsonNode> lines = ContractFiles.ndjson(response.body());
        assertThat(contracts.snapshotProblems(lines)).isEmpty();
        JsonNode header = lines.getFirst();
        assertThat(header.get("snapshotFormat").asInt()).isEqualTo(1);
        assertThat(header.get("service").asString()).isEqualTo("consumer-service");
        assertThat(header.get("aggregateType").asString()).isEqualTo("consumer");
        assertThat(Instant.parse(header.get("takenAt").asString())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(header.get("outboxHighWaterMark").asLong()).as("nothing was written meanwhile: the newest outbox row")
            .isEqualTo(jdbc.sql("select max(position) from outbox").query(Long.class).single());
        assertThat(lines.getLast()).isEqualTo(JSON.readTree("{\"end\": true, \"records\": %d}".formatted(lines.size() - 2)));

        Map<String, JsonNode> records = records(lines);
        assertThat(records.keySet()).as("every consumer, in ascending id").containsExactlyElementsOf(
            jdbc.sql("select id::text from consumer order by id").query(String.class).list());
        assertThat(records.keySet()).contains(ada, grace, alan);
        for (JsonNode record : records.values()) {
            String id = record.get("aggregateId").asString();
            assertThat(record.get("aggregateVersion").asLong()).as(id).isEqualTo(storedVersion(id));
            assertThat(record.get("state")).as("the state of " + id + " is its events folded").isEqualTo(foldedFromOutbox(id));
        }
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
        JsonNode adaBefore = foldedFromOutbox(ada);
        JsonNode graceBefore = foldedFromOutbox(grace);

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

        List<String> written = new ArrayList<>();
        String alan = timed(this::register);
        written.add(alan);
        timed(() -> assertThat(send("PUT", "/consumers/" + ada + "/name", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}").statusCode())
            .isEqualTo(200));
        timed(() -> assertThat(send("PUT", "/consumers/" + ada + "/address", """
            {"street1": "22 Harbour Road", "city": "Oakland", "postalCode": "94607", "country": "US"}""").statusCode()).isEqualTo(200));
        timed(() -> assertThat(send("PUT", "/consumers/" + grace + "/name", "{\"firstName\": \"Grace\", \"lastName\": \"Hopper\"}").statusCode())
            .isEqualTo(200));
        assertThat(export).as("still held at the gate").isNotDone();

        gated.release.countDown();
        SnapshotSummary summary = export.get(20, TimeUnit.SECONDS);

        List<JsonNode> lines = ContractFiles.ndjson(gated.text());
        assertThat(contracts.snapshotProblems(lines)).isEmpty();
        Map<String, JsonNode> records = records(lines);
        assertThat(records).as("registered after the snapshot was taken").doesNotContainKey(alan);
        assertThat(records.get(ada).get("aggregateVersion").asLong()).isEqualTo(adaVersion);
        assertThat(records.get(ada).get("state")).as("Ada as she was").isEqualTo(adaBefore);
        assertThat(records.get(grace).get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(records.get(grace).get("state")).isEqualTo(graceBefore);
        assertThat(summary.records()).isEqualTo(lines.size() - 2);
        long highWaterMark = lines.getFirst().get("outboxHighWaterMark").asLong();
        assertThat(summary.position().outboxHighWaterMark()).isEqualTo(highWaterMark);
        List<Long> concurrentPositions = jdbc.sql("""
                select position from outbox where (aggregate_id = ? and aggregate_version > ?) or (aggregate_id = ? and aggregate_version > 1)
                   or aggregate_id = ?""")
            .params(ada, adaVersion, grace, alan).query(Long.class).list();
        assertThat(concurrentPositions).hasSize(4).allSatisfy(position -> assertThat(position).isGreaterThan(highWaterMark));

        Map<String, JsonNode> now = records(ContractFiles.ndjson(send("GET", "/snapshot", null).body()));
        assertThat(now).containsKey(alan);
        assertThat(now.get(ada).get("aggregateVersion").asLong()).isEqualTo(adaVersion + 2);
        assertThat(now.get(ada).get("state")).isEqualTo(foldedFromOutbox(ada));
    }

    @Test
    void aClientAskingForGzipGetsTheSameLinesCompressed() throws Exception {
        register();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/snapshot"))
            .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String body;
        try (InputStream in = new GZIPInputStream(response.body())) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<JsonNode> lines = ContractFiles.ndjson(body);
        assertThat(contracts.snapshotProblems(lines)).isEmpty();
        assertThat(lines.getLast().get("records").asLong()).isGreaterThanOrEqualTo(1);
    }

    /** The state the consumer's events in the outbox fold to, as the view builder folds them. */
    private JsonNode foldedFromOutbox(String consumerId) {
        ObjectNode state = JSON.createObjectNode();
        for (OutboxRow event : jdbc.sql("select event_type, payload::text from outbox where aggregate_id = ? order by aggregate_version")
            .param(consumerId).query((row, n) -> new OutboxRow(row.getString(1), JSON.readTree(row.getString(2)))).list()) {
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

    private record OutboxRow(String eventType, JsonNode payload) {
    }

    private static Map<String, JsonNode> records(List<JsonNode> lines) {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        lines.subList(1, lines.size() - 1).forEach(line -> records.put(line.get("aggregateId").asString(), line));
        return records;
    }

    private long storedVersion(String consumerId) {
        return jdbc.sql("select version from consumer where id = ?::uuid").param(consumerId).query(Long.class).single();
    }

    private String register() throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/consumers", """
            {"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada-%s@example.org",
             "address": {"street1": "1 Main Street", "city": "Oakland", "postalCode": "94612", "country": "US"}}""".formatted(UUID.randomUUID()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("consumerId").asString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
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
