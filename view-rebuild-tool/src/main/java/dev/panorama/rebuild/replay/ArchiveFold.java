package dev.panorama.rebuild.replay;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.event.ReadResult;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.state.FoldResult;

import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Folds archived events into aggregate states in memory, each partition up to (not including) an offset:
 * the states a rebuild renders its documents from. Events are read through the same reader as the live
 * builder (every published schema version, upcast); what the live builder dead-letters — unreadable
 * events, and the later events of an aggregate behind one — is counted here and left out the same way.
 */
public final class ArchiveFold {

    private final ArchiveReader archive;
    private final EventReader reader;

    public ArchiveFold(ArchiveReader archive, EventReader reader) {
        this.archive = archive;
        this.reader = reader;
    }

    /**
     * @param until per partition, the first offset not to fold (the live builder's handed-over position)
     * @param states where to fold; may already hold states from a snapshot
     * @param progress told the number of records read so far, every few thousand records
     */
    public Outcome fold(Map<PartitionId, Long> until, InMemoryStates states, LongConsumer progress) {
        Counts counts = new Counts();
        until.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (entry.getValue() <= 0) {
                return;
            }
            try (Stream<ArchivedRecord> records = archive.read(entry.getKey(), 0)) {
                records.takeWhile(record -> record.offset() < entry.getValue()).forEach(record -> {
                    counts.read++;
                    apply(record, states, counts);
                    if (counts.read % 5_000 == 0) {
                        progress.accept(counts.read);
                    }
                });
            }
        });
        progress.accept(counts.read);
        return new Outcome(counts.read, counts.applied, counts.alreadyApplied, counts.unreadable, counts.parked, counts.heartbeats);
    }

    /** How many records up to {@code until} the archive holds, from the manifests (no segment is opened). */
    public long recordsBelow(Map<PartitionId, Long> until) {
        long total = 0;
        for (Map.Entry<PartitionId, Long> entry : until.entrySet()) {
            for (var segment : archive.manifest(entry.getKey()).segments()) {
                if (segment.lastOffset() < entry.getValue()) {
                    total += segment.records();
                } else if (segment.firstOffset() < entry.getValue()) {
                    total += Math.min(segment.records(), entry.getValue() - segment.firstOffset());
                }
            }
        }
        return total;
    }

    private void apply(ArchivedRecord record, InMemoryStates states, Counts counts) {
        if (record.value() == null) {
            counts.unreadable++;
            return;
        }
        switch (reader.read(record.value())) {
            case ReadResult.Accepted accepted -> {
                switch (states.apply(accepted.event())) {
                    case FoldResult.Applied ignored -> counts.applied++;
                    case FoldResult.AlreadyApplied ignored -> counts.alreadyApplied++;
                    case FoldResult.MissingHistory ignored -> counts.parked++;
                    case FoldResult.NoState ignored -> counts.heartbeats++;
                }
            }
            case ReadResult.Rejected ignored -> counts.unreadable++;
        }
    }

    /**
     * @param read records read from the archive
     * @param applied events that moved a state on
     * @param alreadyApplied duplicates (the log is at least once)
     * @param unreadable records the live builder dead-letters as poison
     * @param parked events behind a missing earlier version of their aggregate, dead-lettered live as well
     * @param heartbeats position markers, not domain data
     */
    public record Outcome(long read, long applied, long alreadyApplied, long unreadable, long parked, long heartbeats) {
    }

    private static final class Counts {
        long read;
        long applied;
        long alreadyApplied;
        long unreadable;
        long parked;
        long heartbeats;
    }
}
