package dev.panorama.snapshot;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the snapshot format ({@code schemas/snapshots/}, format 1) as NDJSON: a header line, one line per
 * aggregate in ascending aggregate id, and a trailer with the record count, so that a reader can tell a
 * complete snapshot from a truncated one. Refuses records out of order: a reader may merge snapshots and
 * event streams by id, and a broken order must end the stream without a trailer rather than go unnoticed.
 */
public final class SnapshotWriter {

    public static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final String aggregateType;
    private String previousId;
    private long records;

    private SnapshotWriter(OutputStream out, String aggregateType) {
        this.out = out;
        this.aggregateType = aggregateType;
    }

    /** Writes the header and flushes it, so that a client learns the snapshot's position before the records. */
    public static SnapshotWriter start(OutputStream out, String service, String aggregateType, SnapshotPosition position) throws IOException {
        SnapshotWriter writer = new SnapshotWriter(new BufferedOutputStream(Objects.requireNonNull(out, "out"), 64 * 1024),
            Objects.requireNonNull(aggregateType, "aggregateType"));
        ObjectNode header = JSON.createObjectNode()
            .put("snapshotFormat", FORMAT)
            .put("service", Objects.requireNonNull(service, "service"))
            .put("aggregateType", aggregateType)
            .put("takenAt", position.takenAt().toString())
            .put("outboxHighWaterMark", position.outboxHighWaterMark());
        writer.line(header);
        writer.out.flush();
        return writer;
    }

    public void write(SnapshotRecord record) throws IOException {
        if (previousId != null && record.aggregateId().compareTo(previousId) <= 0) {
            throw new SnapshotException("records must be in ascending aggregate id: " + record.aggregateId() + " after " + previousId);
        }
        ObjectNode line = JSON.createObjectNode()
            .put("aggregateType", aggregateType)
            .put("aggregateId", record.aggregateId())
            .put("aggregateVersion", record.aggregateVersion());
        line.set("state", record.state());
        line(line);
        previousId = record.aggregateId();
        records++;
    }

    /** Writes the trailer and flushes; only a complete snapshot has one. */
    public long end() throws IOException {
        line(JSON.createObjectNode().put("end", true).put("records", records));
        out.flush();
        return records;
    }

    private void line(ObjectNode node) throws IOException {
        out.write(JSON.writeValueAsBytes(node));
        out.write(NEWLINE);
    }
}
