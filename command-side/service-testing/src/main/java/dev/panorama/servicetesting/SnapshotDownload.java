package dev.panorama.servicetesting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command service's {@code GET /snapshot} as its integration tests take it: downloaded plain or gzipped,
 * checked against the snapshot contract ({@link ContractFiles#snapshotProblems}), split into header, records
 * and trailer, and compared with the service's tables and with the outbox events its states must fold from.
 */
public final class SnapshotDownload {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final IntSupplier port;
    private final Supplier<JdbcClient> jdbc;
    private final ContractFiles contracts = new ContractFiles();

    /**
     * @param port the service's port, asked for at each download (see {@link CommandHttp#CommandHttp})
     * @param jdbc the service's database, asked for at each query: an {@code @Autowired} field is injected after
     *             the fields that hold this helper are initialised
     */
    public SnapshotDownload(IntSupplier port, Supplier<JdbcClient> jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /**
     * A fetch size of two for the export, so that even a test's few rows come through more than one cursor
     * fetch. Call it from the {@code @DynamicPropertySource}, with {@link CommandServiceEngines#register}.
     */
    public static void fetchInPairs(DynamicPropertyRegistry registry) {
        registry.add("panorama.snapshot.fetch-size", () -> "2");
    }

    /** A snapshot stream, one parsed line each: the header, the records and the trailer. */
    public record Snapshot(List<JsonNode> lines) {

        public JsonNode header() {
            return lines.getFirst();
        }

        public JsonNode trailer() {
            return lines.getLast();
        }

        /** The records by aggregate id, in the stream's order. */
        public Map<String, JsonNode> records() {
            Map<String, JsonNode> records = new LinkedHashMap<>();
            lines.subList(1, lines.size() - 1).forEach(line -> records.put(line.get("aggregateId").asString(), line));
            return records;
        }
    }

    /** An aggregate's event as the outbox holds it; {@code occurredAt} is the UTC instant, as on the wire. */
    public record OutboxRow(String eventType, JsonNode payload, String occurredAt) {
    }

    /** {@code GET /snapshot}, asserted to answer 200 with NDJSON that conforms to the contract. */
    public Snapshot plain() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        return read(response.body());
    }

    /** {@code GET /snapshot} with {@code Accept-Encoding: gzip}, asserted to answer 200, gzipped, with NDJSON that conforms to the contract. */
    public Snapshot gzipped() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HTTP.send(request().header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(response.body())) {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A snapshot stream however it was written, asserted to conform to the contract. */
    public Snapshot read(String ndjson) {
        List<JsonNode> lines = ContractFiles.ndjson(ndjson);
        assertThat(contracts.snapshotProblems(lines)).isEmpty();
        return new Snapshot(lines);
    }

    /**
     * Downloads the snapshot while nothing is written and asserts that it is the service's aggregates as they
     * stand: a header of format 1 naming {@code service} and {@code aggregateType}, taken just now at the newest
     * outbox position; a trailer that counts the records and says nothing else; a record for every row of
     * {@code table}, in ascending id, at the row's version, with the state that {@code fold} makes of the
     * aggregate's {@link #outboxRows outbox rows}.
     *
     * @return the snapshot, for the test's checks of particular aggregates
     */
    public Snapshot assertCurrent(String service, String aggregateType, String table, Function<List<OutboxRow>, JsonNode> fold)
        throws IOException, InterruptedException {
        Instant before = Instant.now().minusSeconds(1);

        Snapshot snapshot = plain();

        JsonNode header = snapshot.header();
        assertThat(header.get("snapshotFormat").asInt()).isEqualTo(1);
        assertThat(header.get("service").asString()).isEqualTo(service);
        assertThat(header.get("aggregateType").asString()).isEqualTo(aggregateType);
        assertThat(Instant.parse(header.get("takenAt").asString())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(header.get("outboxHighWaterMark").asLong()).as("nothing was written meanwhile: the newest outbox row")
            .isEqualTo(jdbc.get().sql("select max(position) from outbox").query(Long.class).single());
        assertThat(snapshot.trailer()).isEqualTo(ContractFiles.JSON.readTree("{\"end\": true, \"records\": %d}".formatted(snapshot.lines().size() - 2)));

        Map<String, JsonNode> records = snapshot.records();
        assertThat(records.keySet()).as("every " + aggregateType + ", in ascending id").containsExactlyElementsOf(
            jdbc.get().sql("select id::text from " + table + " order by id").query(String.class).list());
        for (JsonNode record : records.values()) {
            String id = record.get("aggregateId").asString();
            assertThat(record.get("aggregateVersion").asLong()).as(id)
                .isEqualTo(jdbc.get().sql("select version from " + table + " where id = ?::uuid").param(id).query(Long.class).single());
            assertThat(record.get("state")).as("the state of " + id + " is its events folded").isEqualTo(fold.apply(outboxRows(id)));
        }
        return snapshot;
    }

    /** The aggregate's events in the outbox, in version order. */
    public List<OutboxRow> outboxRows(String aggregateId) {
        return jdbc.get().sql("select event_type, payload::text, occurred_at from outbox where aggregate_id = ? order by aggregate_version")
            .param(aggregateId)
            .query((row, n) -> new OutboxRow(row.getString(1), ContractFiles.JSON.readTree(row.getString(2)),
                row.getObject(3, OffsetDateTime.class).toInstant().toString()))
            .list();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + "/snapshot"));
    }
}
