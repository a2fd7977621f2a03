package dev.panorama.snapshot;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SnapshotPosition POSITION = new SnapshotPosition(Instant.parse("2026-11-08T19:45:00.123456Z"), 42);

    @Test
    void writesHeaderRecordsAndATrailerCountingThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotWriter writer = SnapshotWriter.start(out, "order-service", "order", POSITION);
        writer.write(new SnapshotRecord("0b5d8c1e-0000-4000-8000-000000000001", 3, JSON.createObjectNode().put("status", "APPROVED")));
        writer.write(new SnapshotRecord("0b5d8c1e-0000-4000-8000-000000000002", 1, JSON.createObjectNode().put("status", "APPROVAL_PENDING")));

        assertThat(writer.end()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
            {"snapshotFormat":1,"service":"order-service","aggregateType":"order","takenAt":"2026-11-08T19:45:00.123456Z","outboxHighWaterMark":42}
            {"aggregateType":"order","aggregateId":"0b5d8c1e-0000-4000-8000-000000000001","aggregateVersion":3,"state":{"status":"APPROVED"}}
            {"aggregateType":"order","aggregateId":"0b5d8c1e-0000-4000-8000-000000000002","aggregateVersion":1,"state":{"status":"APPROVAL_PENDING"}}
            {"end":true,"records":2}
            """);
    }

    @Test
    void flushesTheHeaderBeforeAnyRecord() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SnapshotWriter.start(out, "consumer-service", "consumer", POSITION);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"snapshotFormat\":1,").endsWith("}\n");
    }

    @Test
    void refusesRecordsOutOfIdOrderSoThatTheStreamEndsWithoutATrailer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotWriter writer = SnapshotWriter.start(out, "order-service", "order", POSITION);
        writer.write(new SnapshotRecord("b", 1, JSON.createObjectNode()));

        assertThatThrownBy(() -> writer.write(new SnapshotRecord("a", 1, JSON.createObjectNode()))).isInstanceOf(SnapshotException.class);
        assertThatThrownBy(() -> writer.write(new SnapshotRecord("b", 2, JSON.createObjectNode()))).isInstanceOf(SnapshotException.class);
    }
}
