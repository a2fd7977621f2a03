package dev.panorama.rebuild.snapshot;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.HeaderText;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.archive.SegmentEntry;
import dev.panorama.rebuild.archive.SegmentLines;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.event.ReadResult;
import dev.panorama.views.state.AggregateState;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which archived segments a stored snapshot wholly holds, worked out once when the snapshot is stored, so that a
 * rebuild from it skips them unopened: per partition, the run of segments from its first whose every record is an
 * event the snapshot holds (its aggregate's version at or below the snapshot's) or a heartbeat (no state), up to the
 * first segment with any other record; and the snapshot's aggregates whose own last event (the one at the snapshot's
 * version) is not in those segments — only for them must a rebuild still find that event below its line.
 *
 * @param aggregateType the snapshot's aggregate type
 * @param held per partition with such a run, its last segment (segments never change once stored; the checksum guards it)
 * @param pending source keys ({@code order:<id>}) of the snapshot's aggregates whose last event lies outside the held segments
 */
public record SnapshotCoverage(String aggregateType, Map<PartitionId, HeldThrough> held, Set<String> pending) {

    public SnapshotCoverage {
        Objects.requireNonNull(aggregateType, "aggregateType");
        held = Map.copyOf(held);
        pending = Set.copyOf(pending);
    }

    /** The last segment of a partition's held run: its offsets up to {@code lastOffset} are all held. */
    public record HeldThrough(long lastOffset, String segmentSha256) {
    }

    /** Records in the held segments: what a rebuild from the snapshot does not open. */
    public long records(ArchiveReader archive) {
        long total = 0;
        for (Map.Entry<PartitionId, HeldThrough> entry : held.entrySet()) {
            total += archive.manifest(entry.getKey()).segments().stream()
                .filter(segment -> segment.lastOffset() <= entry.getValue().lastOffset()).mapToLong(SegmentEntry::records).sum();
        }
        return total;
    }

    /**
     * Whether a rebuild with these lines may skip the held segments: every one lies wholly below its partition's
     * line, and is still the segment that was checked (else the whole coverage is set aside, and the archive read).
     */
    public boolean usableBelow(Map<PartitionId, Long> until, ArchiveReader archive) {
        for (Map.Entry<PartitionId, HeldThrough> entry : held.entrySet()) {
            Long line = until.get(entry.getKey());
            HeldThrough through = entry.getValue();
            if (line == null || through.lastOffset() >= line) {
                return false;
            }
            boolean same = archive.manifest(entry.getKey()).segments().stream()
                .anyMatch(segment -> segment.lastOffset() == through.lastOffset() && segment.sha256().equals(through.segmentSha256()));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans the archive's segments, each partition from its first segment (partitions side by side), for those the
     * snapshot's states wholly hold.
     */
    static SnapshotCoverage of(String aggregateType, List<AggregateState> states, ArchiveReader archive, Supplier<EventReader> events) {
        Map<String, Long> versions = new HashMap<>(states.size() * 2);
        states.forEach(state -> versions.put(state.source().toString(), state.version()));
        Map<PartitionId, HeldThrough> held = new HashMap<>();
        Set<String> pending = new HashSet<>(versions.keySet());
        archive.partitions().parallelStream().map(partition -> heldRun(partition, versions, archive, events)).toList().forEach(run -> {
            if (run.through() != null) {
                held.put(run.partition(), run.through());
                pending.removeAll(run.reached());
            }
        });
        return new SnapshotCoverage(aggregateType, held, pending);
    }

    private record HeldRun(PartitionId partition, HeldThrough through, Set<String> reached) {
    }

    private static HeldRun heldRun(PartitionId partition, Map<String, Long> versions, ArchiveReader archive, Supplier<EventReader> events) {
        HeldThrough through = null;
        Set<String> reached = new HashSet<>();
        for (SegmentEntry segment : archive.manifest(partition).segments()) {
            Set<String> reachedHere = new HashSet<>();
            List<Boolean> holds = archive.readSegment(partition, segment, new SegmentLines<>() {
                @Override
                public Boolean fromHeaders(long offset, HeaderText headers) {
                    String key = headers.sourceKey();
                    if (key == null || headers.get(HeaderText.AGGREGATE_VERSION) == null) {
                        return null;
                    }
                    return holds(key, headers.aggregateVersion(), versions, reachedHere);
                }

                @Override
                public Boolean whole(ArchivedRecord record) {
                    // Without routing headers (a heartbeat, or written before the relay set them): its envelope tells.
                    ReadResult read = record.value() == null ? null
                        : segment.accepted(record.offset()) ? events.get().readAccepted(record.value()) : events.get().read(record.value());
                    if (!(read instanceof ReadResult.Accepted accepted)) {
                        return false;
                    }
                    DomainEvent event = accepted.event();
                    return event instanceof DomainEvent.Heartbeat
                        || holds(event.metadata().source().toString(), event.metadata().aggregateVersion(), versions, reachedHere);
                }
            });
            if (holds.contains(Boolean.FALSE)) {
                break;
            }
            through = new HeldThrough(segment.lastOffset(), segment.sha256());
            reached.addAll(reachedHere);
        }
        return new HeldRun(partition, through, reached);
    }

    private static boolean holds(String key, long version, Map<String, Long> versions, Set<String> reached) {
        Long snapshotVersion = versions.get(key);
        if (snapshotVersion == null || version <= 0 || version > snapshotVersion) {
            return false;
        }
        if (version == snapshotVersion) {
            reached.add(key);
        }
        return true;
    }
}
