package dev.panorama.rebuild.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the archive back. Only segments the manifest lists are read, each one checked — size, SHA-256,
 * record count, offsets — before any of its records is handed out; a segment that fails is an
 * {@link ArchiveCorruptedException} (or {@link MissingSegmentException}) naming it, never skipped.
 * Streams are lazy: one segment at a time is in memory.
 */
public final class ArchiveReader {

    private final ArchiveStore store;
    private final Manifests manifests;

    public ArchiveReader(ArchiveStore store) {
        this.store = store;
        this.manifests = new Manifests(store);
    }

    /** Topics with at least one partition manifest, sorted. */
    public List<String> topics() {
        return partitions().stream().map(PartitionId::topic).distinct().toList();
    }

    /** Every archived partition, sorted by topic and partition. */
    public List<PartitionId> partitions() {
        return partitionsUnder("");
    }

    /** The archived partitions of one topic. */
    public List<PartitionId> partitions(String topic) {
        return partitionsUnder(topic + "/");
    }

    private List<PartitionId> partitionsUnder(String prefix) {
        TreeSet<PartitionId> partitions = new TreeSet<>();
        for (ArchiveStore.ObjectInfo object : store.list(prefix)) {
            String[] parts = object.name().split("/");
            if (parts.length == 3 && parts[2].equals(Manifests.MANIFEST) && parts[1].matches("\\d{1,9}")) {
                partitions.add(new PartitionId(parts[0], Integer.parseInt(parts[1])));
            }
        }
        return List.copyOf(partitions);
    }

    /** The partition's manifest; an empty one when nothing is archived. */
    public Manifest manifest(PartitionId partition) {
        return manifests.load(partition).manifest();
    }

    /** The next offset to archive for the partition: last archived offset + 1, 0 when nothing is archived. */
    public long highWaterMark(PartitionId partition) {
        return manifest(partition).highWaterMark();
    }

    /** Per archived partition of the topic, its high-water mark. */
    public Map<Integer, Long> highWaterMarks(String topic) {
        Map<Integer, Long> marks = new LinkedHashMap<>();
        for (PartitionId partition : partitions(topic)) {
            marks.put(partition.partition(), highWaterMark(partition));
        }
        return marks;
    }

    /** The partition's records with offset {@code fromOffset} or more, in offset order. Close the stream. */
    public Stream<ArchivedRecord> read(PartitionId partition, long fromOffset) {
        Manifest manifest = manifest(partition);
        List<SegmentEntry> segments = manifest.segments().stream().filter(segment -> segment.lastOffset() >= fromOffset).toList();
        Iterator<ArchivedRecord> records = new SegmentRecords(partition, segments, fromOffset);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * One segment's records, in offset order, read and checked whole (size, SHA-256, offsets, record count)
     * in a single pass before any is returned: for readers that decode several segments side by side.
     */
    public List<ArchivedRecord> readSegment(PartitionId partition, SegmentEntry segment) {
        String name = nameOf(partition, segment);
        return Segments.verifiedRecords(segment, content(name, segment), partition, name);
    }

    /**
     * As {@link #readSegment(PartitionId, SegmentEntry)}, each record made into what {@code reader} makes of
     * it, told by its offset and headers first: a record the reader can tell that way has its value (most of
     * its line) neither decoded nor parsed.
     */
    public <T> List<T> readSegment(PartitionId partition, SegmentEntry segment, SegmentLines<T> reader) {
        String name = nameOf(partition, segment);
        return Segments.verifiedLines(segment, content(name, segment), partition, name, reader);
    }

    private byte[] content(String name, SegmentEntry segment) {
        return store.get(name).orElseThrow(() -> missing(name, segment)).content();
    }

    /** Every archived record of the topic, partition after partition, each in offset order. */
    public Stream<ArchivedRecord> readTopic(String topic) {
        return readTopic(topic, Map.of());
    }

    /**
     * The topic's records from a position per partition (partition number to first offset wanted; a partition
     * not in the map is read from its start), partition after partition, each in offset order.
     */
    public Stream<ArchivedRecord> readTopic(String topic, Map<Integer, Long> fromOffsets) {
        return partitions(topic).stream().flatMap(partition -> read(partition, fromOffsets.getOrDefault(partition.partition(), 0L)));
    }

    /** Checks every segment of the partition; problems are collected, not thrown. */
    public PartitionCheck verify(PartitionId partition) {
        Manifest manifest = manifest(partition);
        List<String> problems = new ArrayList<>();
        for (SegmentEntry segment : manifest.segments()) {
            try {
                Iterator<ArchivedRecord> records = Segments.records(segment, load(partition, segment), partition, nameOf(partition, segment));
                while (records.hasNext()) {
                    records.next();
                }
            } catch (ArchiveCorruptedException e) {
                problems.add(e.getMessage());
            }
        }
        return new PartitionCheck(partition, manifest.segments().size(), problems);
    }

    /**
     * The quick check before a long read: every segment the manifest lists is in the store with its size.
     * Returns one line per segment that is not; checksums are still checked as each segment is read.
     */
    public List<String> missingSegments(PartitionId partition) {
        // The manifest first: the archiver stores a segment before the manifest lists it, so every segment read
        // here is in a listing taken after; listed first, a segment sealed in between would look missing.
        List<SegmentEntry> segments = manifest(partition).segments();
        Map<String, Long> sizes = new HashMap<>();
        store.list(partition.prefix()).forEach(object -> sizes.put(object.name(), object.size()));
        List<String> missing = new ArrayList<>();
        for (SegmentEntry segment : segments) {
            Long size = sizes.get(nameOf(partition, segment));
            if (size == null) {
                missing.add("segment " + nameOf(partition, segment) + " (offsets " + segment.firstOffset() + ".." + segment.lastOffset()
                    + ") is listed in the manifest but missing from the store");
            } else if (size != segment.bytes()) {
                missing.add("segment " + nameOf(partition, segment) + " has " + size + " bytes, the manifest says " + segment.bytes());
            }
        }
        return missing;
    }

    /** A segment's content, checked against its manifest entry. */
    private byte[] load(PartitionId partition, SegmentEntry segment) {
        String name = nameOf(partition, segment);
        byte[] content = content(name, segment);
        Segments.verify(segment, content, name);
        return content;
    }

    private static MissingSegmentException missing(String name, SegmentEntry segment) {
        return new MissingSegmentException("segment " + name + " is missing: the manifest lists it (offsets " + segment.firstOffset() + ".."
            + segment.lastOffset() + ", SHA-256 " + segment.sha256() + ") but the store has no such object");
    }

    private static String nameOf(PartitionId partition, SegmentEntry segment) {
        return partition.prefix() + segment.file();
    }

    /** Walks segments one after another, loading and checking each when its first record is asked for. */
    private final class SegmentRecords implements Iterator<ArchivedRecord> {

        private final PartitionId partition;
        private final Iterator<SegmentEntry> segments;
        private final long fromOffset;
        private Iterator<ArchivedRecord> current = Collections.emptyIterator();
        private ArchivedRecord next;

        SegmentRecords(PartitionId partition, List<SegmentEntry> segments, long fromOffset) {
            this.partition = partition;
            this.segments = segments.iterator();
            this.fromOffset = fromOffset;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (current.hasNext()) {
                    ArchivedRecord candidate = current.next();
                    if (candidate.offset() >= fromOffset) {
                        next = candidate;
                    }
                } else if (segments.hasNext()) {
                    SegmentEntry segment = segments.next();
                    current = Segments.records(segment, load(partition, segment), partition, nameOf(partition, segment));
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public ArchivedRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ArchivedRecord record = next;
            next = null;
            return record;
        }
    }
}
