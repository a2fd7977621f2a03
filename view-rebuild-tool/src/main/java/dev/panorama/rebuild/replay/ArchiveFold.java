package dev.panorama.rebuild.replay;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.HeaderText;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.archive.SegmentEntry;
import dev.panorama.rebuild.archive.SegmentLines;
import dev.panorama.rebuild.snapshot.SnapshotCoverage;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.event.ReadResult;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.FoldResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Folds archived events into aggregate states in memory, each partition up to (not including) an offset:
 * the states a rebuild renders its documents from. Events are read through the same reader as the live
 * builder (every published schema version, upcast); what the live builder dead-letters — unreadable
 * events, and the later events of an aggregate behind one — is counted here and left out the same way.
 */
public final class ArchiveFold {

    /** Threads that check, decode and read segments ahead of the fold: reading is the fold's cost, so it uses every core, up to four. */
    private static final int DECODERS = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);

    private final ArchiveReader archive;
    private final EventReader reader;

    public ArchiveFold(ArchiveReader archive, EventReader reader) {
        this.archive = archive;
        this.reader = reader;
    }

    /**
     * @param until per partition, the first offset not to fold (the live builder's handed-over position)
     * @param states where to fold
     * @param progress told the number of records read so far, every few thousand records
     */
    public Outcome fold(Map<PartitionId, Long> until, InMemoryStates states, LongConsumer progress) {
        return fold(until, states, Map.of(), List.of(), progress);
    }

    /**
     * Folds starting from snapshot states: an event the snapshot already holds (its aggregate version at or
     * below the snapshot's, told by the record's headers) is not even parsed. A snapshot state is used only
     * if its own last event lies below the line — otherwise it is ahead of what the live builder had
     * applied (the relay had not published that event yet, or the live builder had not read it), and that
     * aggregate is folded from its events instead, in a second pass over the archive.
     *
     * <p>
     * Segments a snapshot wholly holds ({@code coverages}, worked out when it was stored) are not even opened, when
     * they all lie below the line; the aggregates whose last event they hold have then reached the line too.
     *
     * @param snapshot snapshot states by source key ({@code order:<id>})
     * @param coverages the archived segments each snapshot wholly holds
     */
    public Outcome fold(Map<PartitionId, Long> until, InMemoryStates states, Map<String, AggregateState> snapshot, List<SnapshotCoverage> coverages,
                        LongConsumer progress) {
        Counts counts = new Counts();
        // Aggregates whose snapshot version was met below the line: their snapshot state is not ahead of it.
        Set<String> reached = new HashSet<>();
        Set<String> started = new HashSet<>();
        Map<PartitionId, Long> unopened = new HashMap<>();
        for (SnapshotCoverage coverage : coverages) {
            if (snapshot.isEmpty() || !coverage.usableBelow(until, archive)) {
                continue;
            }
            coverage.held().forEach((partition, through) -> unopened.put(partition, through.lastOffset()));
            String type = coverage.aggregateType() + ":";
            snapshot.keySet().forEach(key -> {
                if (key.startsWith(type) && !coverage.pending().contains(key)) {
                    reached.add(key);
                }
            });
            long held = coverage.records(archive);
            counts.read += held;
            counts.covered += held;
            counts.unopened += held;
        }
        forEachDecoded(until, unopened, snapshot, decoded -> {
            counts.read++;
            if (decoded.covered()) {
                if (decoded != HELD_BELOW_ITS_SNAPSHOT) {
                    reached.add(decoded.key());
                }
                counts.covered++;
            } else {
                apply(decoded.read(), states, counts, snapshot, reached, started);
            }
            if (counts.read % 5_000 == 0) {
                progress.accept(counts.read);
            }
        });
        Set<String> ahead = new HashSet<>();
        snapshot.forEach((key, state) -> {
            if (started.contains(key)) {
                return;
            }
            if (reached.contains(key)) {
                states.put(state);
                counts.fromSnapshot++;
            } else {
                ahead.add(key);
            }
        });
        counts.fromSnapshot += started.size();
        if (!ahead.isEmpty()) {
            // Rare: aggregates changed just before the line. Their own events, below the line, give their state.
            forEachBelow(until, record -> {
                HeaderText headers = record::header;
                String key = headers.sourceKey();
                if (key == null || ahead.contains(key)) {
                    if (record.value() != null && reader.read(record.value()) instanceof ReadResult.Accepted accepted
                        && ahead.contains(accepted.event().metadata().source().toString())) {
                        states.apply(accepted.event());
                    }
                }
            });
            counts.refolded = ahead.size();
        }
        progress.accept(counts.read);
        return new Outcome(counts.read, counts.applied, counts.alreadyApplied, counts.unreadable, counts.parked, counts.heartbeats, counts.covered,
            counts.unopened, counts.fromSnapshot, counts.refolded);
    }

    /**
     * Every archived record below the line, partition after partition, each in offset order, as {@link Decoded}:
     * segments are checked, decoded and their events read on {@link #DECODERS} threads, a few segments ahead,
     * while the caller folds on its own thread in order (reading an event costs far more than folding it).
     * A segment that fails its check fails the fold when its turn comes, as a sequential read would.
     */
    private void forEachDecoded(Map<PartitionId, Long> until, Map<PartitionId, Long> unopened, Map<String, AggregateState> snapshot,
                                Consumer<Decoded> action) {
        List<Callable<List<Decoded>>> segments = new ArrayList<>();
        until.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(entry -> entry.getValue() > 0).forEach(entry -> {
            long heldThrough = unopened.getOrDefault(entry.getKey(), -1L);
            for (SegmentEntry segment : archive.manifest(entry.getKey()).segments()) {
                if (segment.firstOffset() >= entry.getValue()) {
                    break;
                }
                if (segment.lastOffset() <= heldThrough) {
                    continue;
                }
                segments.add(() -> decode(entry.getKey(), segment, entry.getValue(), snapshot));
            }
        });
        ExecutorService decoders = Executors.newFixedThreadPool(DECODERS, Thread.ofPlatform().name("archive-decoder-", 0).daemon().factory());
        try {
            Deque<Future<List<Decoded>>> ahead = new ArrayDeque<>();
            Iterator<Callable<List<Decoded>>> remaining = segments.iterator();
            while (remaining.hasNext() || !ahead.isEmpty()) {
                while (remaining.hasNext() && ahead.size() < DECODERS + 1) {
                    ahead.add(decoders.submit(remaining.next()));
                }
                ahead.removeFirst().get().forEach(action);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while folding the archive", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            decoders.shutdownNow();
        }
    }

    /** One segment's records below the line: those a snapshot holds are told by their headers, their values not even decoded. */
    private List<Decoded> decode(PartitionId partition, SegmentEntry segment, long until, Map<String, AggregateState> snapshot) {
        List<Decoded> decoded = archive.readSegment(partition, segment, new SegmentLines<>() {
            @Override
            public Decoded fromHeaders(long offset, HeaderText headers) {
                if (offset >= until) {
                    return BEYOND_THE_LINE;
                }
                if (snapshot.isEmpty()) {
                    return null;
                }
                String key = headers.sourceKey();
                long version = headers.aggregateVersion();
                AggregateState base = key == null ? null : snapshot.get(key);
                if (base == null || version <= 0 || version > base.version()) {
                    return null;
                }
                // Held: only the event at the snapshot's own version tells the fold anything (that the snapshot is not ahead of the line).
                return version == base.version() ? new Decoded(key, true, null) : HELD_BELOW_ITS_SNAPSHOT;
            }

            @Override
            public Decoded fromValue(long offset, HeaderText headers, byte[] value) {
                return new Decoded(null, false, read(segment, offset, value));
            }

            @Override
            public Decoded whole(ArchivedRecord record) {
                return new Decoded(null, false, record.value() == null ? null : read(segment, record.offset(), record.value()));
            }
        });
        decoded.removeIf(record -> record == BEYOND_THE_LINE);
        return decoded;
    }

    /** Records the archiver accepted when it archived them are not validated against the schemas again. */
    private ReadResult read(SegmentEntry segment, long offset, byte[] value) {
        return segment.accepted(offset) ? reader.readAccepted(value) : reader.read(value);
    }

    /**
     * A record as a decoding thread leaves it.
     *
     * @param key the source key of a record a snapshot holds at the snapshot's own version, else {@code null}
     * @param covered a snapshot holds it (told by its headers); then {@code read} is {@code null}
     * @param read what the event reader made of it, or {@code null} for a record without a value
     */
    private record Decoded(String key, boolean covered, ReadResult read) {
    }

    /** Stands for the records of a segment at or above the line, dropped before the fold sees them. */
    private static final Decoded BEYOND_THE_LINE = new Decoded(null, true, null);

    /** Stands for a record a snapshot holds that is older than the snapshot's own version: counted, nothing more. */
    private static final Decoded HELD_BELOW_ITS_SNAPSHOT = new Decoded(null, true, null);

    /** Every archived record below the line, partition after partition, each in offset order; a segment is read and checked in one pass. */
    private void forEachBelow(Map<PartitionId, Long> until, Consumer<ArchivedRecord> action) {
        until.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(entry -> entry.getValue() > 0).forEach(entry -> {
            for (SegmentEntry segment : archive.manifest(entry.getKey()).segments()) {
                if (segment.firstOffset() >= entry.getValue()) {
                    break;
                }
                for (ArchivedRecord record : archive.readSegment(entry.getKey(), segment)) {
                    if (record.offset() >= entry.getValue()) {
                        break;
                    }
                    action.accept(record);
                }
            }
        });
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

    private void apply(ReadResult read, InMemoryStates states, Counts counts, Map<String, AggregateState> snapshot, Set<String> reached,
                       Set<String> started) {
        if (read == null) {
            counts.unreadable++;
            return;
        }
        switch (read) {
            case ReadResult.Accepted accepted -> {
                String key = accepted.event().metadata().source().toString();
                AggregateState base = snapshot.get(key);
                if (base != null && !started.contains(key)) {
                    long version = accepted.event().metadata().aggregateVersion();
                    if (version <= base.version()) {
                        // A record without headers that the snapshot holds.
                        if (version == base.version()) {
                            reached.add(key);
                        }
                        counts.covered++;
                        return;
                    }
                    // The aggregate's events go on below the line: its snapshot state was below it too.
                    states.put(base);
                    started.add(key);
                }
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
     * @param covered events a snapshot holds, not parsed
     * @param unopened of those, the records of segments a snapshot wholly holds, not even read
     * @param fromSnapshot aggregates whose state came from a snapshot
     * @param refolded aggregates whose snapshot state was ahead of the line, folded from their events instead
     */
    public record Outcome(long read, long applied, long alreadyApplied, long unreadable, long parked, long heartbeats, long covered,
                          long unopened, long fromSnapshot, long refolded) {
    }

    private static final class Counts {
        long read;
        long applied;
        long alreadyApplied;
        long unreadable;
        long parked;
        long heartbeats;
        long covered;
        long unopened;
        long fromSnapshot;
        long refolded;
    }
}
