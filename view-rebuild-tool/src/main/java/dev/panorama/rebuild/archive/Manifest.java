package dev.panorama.rebuild.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The list of a partition's sealed segments, in offset order. Only what is listed here is in the
 * archive: a segment file the manifest does not list is a leftover of an interrupted write and is
 * ignored. Ranges, not counts, say what is covered: offsets may have gaps (transaction markers,
 * aborted transactions, compaction), so continuity is "each segment starts after the previous one ends".
 *
 * @param generation 0 for an empty archive, one more with every appended segment
 */
public record Manifest(PartitionId partition, long generation, List<SegmentEntry> segments) {

    /** The version of this layout, written into every manifest. */
    public static final int FORMAT = 1;

    public Manifest {
        Objects.requireNonNull(partition, "partition");
        segments = List.copyOf(segments);
        if (generation < segments.size()) {
            throw new IllegalArgumentException("manifest of " + partition + ": generation " + generation + " is below its " + segments.size() + " segments");
        }
        for (int i = 1; i < segments.size(); i++) {
            SegmentEntry previous = segments.get(i - 1);
            SegmentEntry next = segments.get(i);
            if (next.firstOffset() <= previous.lastOffset()) {
                throw new IllegalArgumentException("manifest of " + partition + ": segment " + next.file()
                    + " overlaps or precedes " + previous.file());
            }
        }
    }

    public static Manifest empty(PartitionId partition) {
        return new Manifest(partition, 0, List.of());
    }

    /** The next offset to archive: the last archived offset + 1, or 0 when nothing is archived. */
    public long highWaterMark() {
        return segments.isEmpty() ? 0 : segments.getLast().lastOffset() + 1;
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public long records() {
        return segments.stream().mapToLong(SegmentEntry::records).sum();
    }

    public long bytes() {
        return segments.stream().mapToLong(SegmentEntry::bytes).sum();
    }

    public Optional<Long> firstOffset() {
        return segments.isEmpty() ? Optional.empty() : Optional.of(segments.getFirst().firstOffset());
    }

    public boolean lists(String file) {
        return segments.stream().anyMatch(segment -> segment.file().equals(file));
    }

    /** This manifest with one more segment at the end, one generation later. */
    public Manifest with(SegmentEntry segment) {
        if (segment.firstOffset() < highWaterMark()) {
            throw new IllegalArgumentException("segment " + segment.file() + " starts below the high-water mark " + highWaterMark() + " of " + partition);
        }
        List<SegmentEntry> more = new ArrayList<>(segments);
        more.add(segment);
        return new Manifest(partition, generation + 1, more);
    }
}
