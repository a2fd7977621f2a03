package dev.panorama.rebuild.snapshot;

import dev.panorama.rebuild.archive.ArchiveCorruptedException;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchiveStore;
import dev.panorama.rebuild.archive.LineFeeds;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.archive.Sha256;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.snapshot.SnapshotReader;
import dev.panorama.views.state.AggregateState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Command services' snapshots kept in the event archive, beside the segments:
 * {@code snapshots/<aggregateType>/<takenAt>.ndjson.gz} (the lines exactly as the service sent them) and
 * {@code snapshots/<aggregateType>/<takenAt>.json}, written after it, naming its checksum — a snapshot
 * without its description is an interrupted write and is not listed — and then
 * {@code snapshots/<aggregateType>/<takenAt>.coverage.json.gz}, the archived segments the snapshot wholly holds
 * ({@link SnapshotCoverage}; without it a rebuild reads every segment). All are written put-if-absent: storing
 * the same snapshot twice is a no-op, and nothing stored is ever changed.
 */
public final class SnapshotArchive {

    private static final String ROOT = "snapshots/";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ArchiveStore store;
    private final SnapshotReader reader = new SnapshotReader();
    /** Needed only for archived records without routing headers; its schemas take a while to load. */
    private EventReader events;

    public SnapshotArchive(ArchiveStore store) {
        this.store = store;
    }

    /** A stored snapshot, as its description says. */
    public record StoredSnapshot(String aggregateType, Instant takenAt, String service, long records, long outboxHighWaterMark, String file,
                                 long bytes, String sha256) {
    }

    /**
     * Checks every line against the published schemas and the trailer's count, then stores the snapshot.
     *
     * @throws SnapshotReader.InvalidSnapshotException when a line is not what the schemas say, or the stream is cut short
     */
    public StoredSnapshot store(List<String> lines) {
        if (lines.size() < 2) {
            throw new SnapshotReader.InvalidSnapshotException("a snapshot has a header and a trailer at least; got " + lines.size() + " lines");
        }
        SnapshotReader.Header header = reader.header(lines.getFirst());
        String last = lines.getLast();
        if (!reader.isTrailer(last)) {
            throw new SnapshotReader.InvalidSnapshotException("the snapshot ends without its trailer: the download was cut short");
        }
        long records = lines.size() - 2;
        if (reader.trailer(last) != records) {
            throw new SnapshotReader.InvalidSnapshotException("the trailer announces " + reader.trailer(last) + " records, the snapshot has " + records);
        }
        List<AggregateState> states = new ArrayList<>(lines.size() - 2);
        for (String line : lines.subList(1, lines.size() - 1)) {
            AggregateState state = reader.record(line);
            if (!state.aggregateType().equals(header.aggregateType())) {
                throw new SnapshotReader.InvalidSnapshotException("a " + state.aggregateType() + " record in a snapshot of " + header.aggregateType());
            }
            states.add(state);
        }
        byte[] content = gzip(String.join("\n", lines) + "\n");
        String base = ROOT + header.aggregateType() + "/" + NAME.format(header.takenAt());
        StoredSnapshot stored = new StoredSnapshot(header.aggregateType(), header.takenAt(), header.service(), records, header.outboxHighWaterMark(),
            base + ".ndjson.gz", content.length, Sha256.of(content));
        store.putIfAbsent(stored.file(), content);
        store.putIfAbsent(base + ".json", JSON.writeValueAsBytes(JSON.createObjectNode().put("aggregateType", stored.aggregateType())
            .put("takenAt", stored.takenAt().toString()).put("service", stored.service()).put("records", records)
            .put("outboxHighWaterMark", stored.outboxHighWaterMark()).put("file", stored.file()).put("bytes", stored.bytes())
            .put("sha256", stored.sha256())));
        SnapshotCoverage coverage = SnapshotCoverage.of(header.aggregateType(), states, new ArchiveReader(store), this::events);
        store.putIfAbsent(coverageFile(stored), gzip(encode(coverage, stored).toString()));
        return stored;
    }

    /**
     * The archived segments a stored snapshot wholly holds, as worked out when it was stored; empty for a snapshot
     * stored without it, or one whose coverage cannot be read (a rebuild then reads every segment).
     */
    public Optional<SnapshotCoverage> coverage(StoredSnapshot snapshot) {
        return store.get(coverageFile(snapshot)).flatMap(object -> {
            try {
                JsonNode node = JSON.readTree(gunzip(object.content()));
                if (!snapshot.sha256().equals(node.path("snapshotSha256").asString("")) || !node.path("held").isArray()
                    || !node.path("pending").isArray() || !node.path("aggregateType").isString()) {
                    return Optional.empty();
                }
                Map<PartitionId, SnapshotCoverage.HeldThrough> held = new HashMap<>();
                for (JsonNode partition : node.path("held")) {
                    if (!partition.path("topic").isString() || !partition.path("partition").isIntegralNumber()
                        || !partition.path("lastOffset").isIntegralNumber() || !partition.path("segmentSha256").isString()) {
                        return Optional.empty();
                    }
                    held.put(new PartitionId(partition.path("topic").asString(), partition.path("partition").asInt()),
                        new SnapshotCoverage.HeldThrough(partition.path("lastOffset").asLong(), partition.path("segmentSha256").asString()));
                }
                Set<String> pending = new HashSet<>();
                node.path("pending").forEach(key -> pending.add(key.asString()));
                return Optional.of(new SnapshotCoverage(node.path("aggregateType").asString(), held, pending));
            } catch (JacksonException | ArchiveCorruptedException | IllegalArgumentException e) {
                // Only an index: unreadable, it is set aside and the rebuild reads every segment.
                return Optional.empty();
            }
        });
    }

    private static String coverageFile(StoredSnapshot snapshot) {
        return snapshot.file().substring(0, snapshot.file().length() - ".ndjson.gz".length()) + ".coverage.json.gz";
    }

    private static ObjectNode encode(SnapshotCoverage coverage, StoredSnapshot snapshot) {
        ObjectNode node = JSON.createObjectNode().put("snapshotSha256", snapshot.sha256()).put("aggregateType", coverage.aggregateType());
        ArrayNode held = node.putArray("held");
        coverage.held().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> held.addObject()
            .put("topic", entry.getKey().topic()).put("partition", entry.getKey().partition())
            .put("lastOffset", entry.getValue().lastOffset()).put("segmentSha256", entry.getValue().segmentSha256()));
        ArrayNode pending = node.putArray("pending");
        coverage.pending().stream().sorted().forEach(pending::add);
        return node;
    }

    private synchronized EventReader events() {
        if (events == null) {
            events = new EventReader();
        }
        return events;
    }

    /** The stored snapshots of an aggregate type, newest first. */
    public List<StoredSnapshot> list(String aggregateType) {
        List<StoredSnapshot> found = new ArrayList<>();
        for (ArchiveStore.ObjectInfo object : store.list(ROOT + aggregateType + "/")) {
            if (object.name().endsWith(".json")) {
                store.get(object.name()).ifPresent(description -> found.add(describe(JSON.readTree(description.content()))));
            }
        }
        found.sort(Comparator.comparing(StoredSnapshot::takenAt).reversed());
        return found;
    }

    /** The newest stored snapshot of an aggregate type taken before {@code before}. */
    public Optional<StoredSnapshot> newest(String aggregateType, Instant before) {
        return list(aggregateType).stream().filter(snapshot -> snapshot.takenAt().isBefore(before)).findFirst();
    }

    /** A stored snapshot's states, its checksum checked first, in the order they were stored. */
    public List<AggregateState> states(StoredSnapshot snapshot) {
        byte[] content = store.get(snapshot.file()).orElseThrow(() -> new ArchiveCorruptedException("snapshot " + snapshot.file()
            + " is missing: its description is stored but the snapshot is not")).content();
        if (content.length != snapshot.bytes() || !Sha256.of(content).equals(snapshot.sha256())) {
            throw new ArchiveCorruptedException("snapshot " + snapshot.file() + " is corrupted: SHA-256 " + Sha256.of(content) + ", "
                + content.length + " bytes; its description says " + snapshot.sha256() + ", " + snapshot.bytes() + " bytes");
        }
        byte[] text = gunzip(content);
        int[] ends = lineEnds(text);
        // Checked against the schemas when stored, guarded by the checksum since: mapped, not validated again; on every core.
        // The records lie between the header (the first line) and the trailer (the last), each read from its bytes where they lie.
        return IntStream.range(1, ends.length - 1).parallel().mapToObj(line -> {
            int start = ends[line - 1] + 1;
            return reader.storedRecord(text, start, ends[line] - start);
        }).toList();
    }

    /** Where each line of {@code text} ends: at its line feed, or at the end of the text for a last line without one. */
    private static int[] lineEnds(byte[] text) {
        // A plain growing array: a stream builder's bookkeeping per line feed showed in profiles of large snapshots.
        int[] ends = new int[1024];
        int lines = 0;
        for (int from = 0; from < text.length; ) {
            int end = LineFeeds.next(text, from);
            if (lines == ends.length) {
                ends = Arrays.copyOf(ends, lines * 2);
            }
            ends[lines++] = end;
            from = end + 1;
        }
        return Arrays.copyOf(ends, lines);
    }

    private static StoredSnapshot describe(JsonNode node) {
        return new StoredSnapshot(node.get("aggregateType").asString(), Instant.parse(node.get("takenAt").asString()),
            node.get("service").asString(), node.get("records").asLong(), node.get("outboxHighWaterMark").asLong(), node.get("file").asString(),
            node.get("bytes").asLong(), node.get("sha256").asString());
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] content) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ArchiveCorruptedException("a snapshot does not decompress: " + e.getMessage());
        }
    }
}
