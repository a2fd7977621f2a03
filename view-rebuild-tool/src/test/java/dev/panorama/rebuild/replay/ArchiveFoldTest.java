package dev.panorama.rebuild.replay;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchiveWriter;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.snapshot.SnapshotArchive;
import dev.panorama.rebuild.snapshot.SnapshotCoverage;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.fixtures.SnapshotLines;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.state.AggregateState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveFoldTest {

    private static final EventReader READER = new EventReader();

    @TempDir
    Path directory;

    @Test
    void foldsEveryArchivedEventIntoTheStatesAnInMemoryFoldOfTheStreamGives() {
        List<DomainEvent> story = FtgoStory.generate(5, 20, 4, 150);
        Map<PartitionId, Long> ends = archive(story, true);
        ArchiveReader archive = new ArchiveReader(new LocalDirectoryArchiveStore(directory));
        ArchiveFold fold = new ArchiveFold(archive, READER);
        InMemoryStates states = new InMemoryStates();
        List<Long> progress = new ArrayList<>();

        ArchiveFold.Outcome outcome = fold.fold(ends, states, progress::add);

        assertThat(outcome.read()).isEqualTo(story.size() + 1).isEqualTo(fold.recordsBelow(ends));
        assertThat(outcome.applied()).isEqualTo(story.size());
        assertThat(outcome.unreadable()).as("the poison record").isEqualTo(1);
        assertThat(progress).last().isEqualTo(outcome.read());
        assertThat(Oracle.render(new OrderHistoryProjection(), states)).isEqualTo(Oracle.render(new OrderHistoryProjection(), story));
    }

    @Test
    void aSnapshotPlusTheEventsAfterItFoldsIntoWhatTheWholeArchiveGives() {
        List<DomainEvent> story = FtgoStory.generate(7, 20, 4, 150);
        Map<PartitionId, Long> ends = archive(story, false);
        ArchiveFold fold = new ArchiveFold(new ArchiveReader(new LocalDirectoryArchiveStore(directory)), READER);
        Map<String, AggregateState> snapshot = bySource(Oracle.states(story.subList(0, story.size() * 3 / 5)).all());
        InMemoryStates states = new InMemoryStates();

        ArchiveFold.Outcome outcome = fold.fold(ends, states, snapshot, List.of(), done -> { });

        assertFoldedFromSnapshot(outcome, states, story, snapshot);
    }

    @Test
    void segmentsAStoredSnapshotWhollyHoldsAreNotOpenedAndTheFoldIsTheSame() {
        List<DomainEvent> story = FtgoStory.generate(7, 20, 4, 150);
        Map<PartitionId, Long> ends = archive(story, false);
        ArchiveReader archive = new ArchiveReader(new LocalDirectoryArchiveStore(directory));
        List<AggregateState> held = List.copyOf(Oracle.states(story.subList(0, story.size() * 3 / 5)).all());
        Map<String, AggregateState> snapshot = bySource(held);
        List<SnapshotCoverage> coverages = storeSnapshots(held);
        assertThat(coverages).as("a snapshot of three fifths of the story wholly holds some segments").anyMatch(coverage -> !coverage.held().isEmpty());
        InMemoryStates states = new InMemoryStates();

        ArchiveFold.Outcome outcome = new ArchiveFold(archive, READER).fold(ends, states, snapshot, coverages, done -> { });

        assertFoldedFromSnapshot(outcome, states, story, snapshot);
        long unopened = coverages.stream().mapToLong(coverage -> coverage.records(archive)).sum();
        assertThat(outcome.unopened()).isEqualTo(unopened).isPositive().isLessThan(outcome.covered());
        assertThat(outcome.read()).isEqualTo(story.size());
    }

    @Test
    void aCoverageReachingAboveTheLineIsSetAsideAndTheArchiveReadInstead() {
        List<DomainEvent> story = FtgoStory.generate(8, 10, 3, 80);
        Map<PartitionId, Long> ends = archive(story, false);
        Map<PartitionId, Long> half = halfOf(ends);
        ArchiveFold fold = new ArchiveFold(new ArchiveReader(new LocalDirectoryArchiveStore(directory)), READER);
        InMemoryStates belowTheLine = new InMemoryStates();
        fold.fold(half, belowTheLine, done -> { });
        List<AggregateState> everything = List.copyOf(Oracle.states(story).all());
        Map<String, AggregateState> snapshotOfEverything = bySource(everything);
        List<SnapshotCoverage> coverages = storeSnapshots(everything);
        InMemoryStates states = new InMemoryStates();

        ArchiveFold.Outcome outcome = fold.fold(half, states, snapshotOfEverything, coverages, done -> { });

        assertThat(outcome.unopened()).isZero();
        assertThat(outcome.refolded()).as("aggregates whose last event lies above the line").isPositive();
        assertThat(Oracle.render(new OrderHistoryProjection(), states)).isEqualTo(Oracle.render(new OrderHistoryProjection(), belowTheLine));
    }

    @Test
    void aSnapshotStateAheadOfTheLineIsReplacedByTheFoldOfItsEventsBelowIt() {
        List<DomainEvent> story = FtgoStory.generate(8, 10, 3, 80);
        Map<PartitionId, Long> ends = archive(story, false);
        Map<PartitionId, Long> half = halfOf(ends);
        ArchiveFold fold = new ArchiveFold(new ArchiveReader(new LocalDirectoryArchiveStore(directory)), READER);
        InMemoryStates belowTheLine = new InMemoryStates();
        fold.fold(half, belowTheLine, done -> { });
        Map<String, AggregateState> snapshotOfEverything = bySource(Oracle.states(story).all());
        InMemoryStates states = new InMemoryStates();

        ArchiveFold.Outcome outcome = fold.fold(half, states, snapshotOfEverything, List.of(), done -> { });

        assertThat(outcome.refolded()).as("aggregates whose last event lies above the line").isPositive();
        assertThat(Oracle.render(new OrderHistoryProjection(), states)).isEqualTo(Oracle.render(new OrderHistoryProjection(), belowTheLine));
    }

    @Test
    void stopsEachPartitionAtItsLineAndCountsOnlyWhatIsBelow() {
        List<DomainEvent> story = FtgoStory.generate(6, 10, 3, 60);
        Map<PartitionId, Long> ends = archive(story, false);
        Map<PartitionId, Long> half = halfOf(ends);
        ArchiveFold fold = new ArchiveFold(new ArchiveReader(new LocalDirectoryArchiveStore(directory)), READER);

        ArchiveFold.Outcome outcome = fold.fold(half, new InMemoryStates(), done -> { });

        long expected = half.values().stream().mapToLong(Long::longValue).sum();
        assertThat(outcome.read()).isEqualTo(expected).isEqualTo(fold.recordsBelow(half));
    }

    /** The whole story's documents, each event either held by the snapshot or applied, every snapshot state used. */
    private static void assertFoldedFromSnapshot(ArchiveFold.Outcome outcome, InMemoryStates states, List<DomainEvent> story,
                                                 Map<String, AggregateState> snapshot) {
        assertThat(Oracle.render(new OrderHistoryProjection(), states)).isEqualTo(Oracle.render(new OrderHistoryProjection(), story));
        assertThat(outcome.covered()).as("events the snapshot holds are not parsed").isPositive();
        assertThat(outcome.applied()).isEqualTo(story.size() - outcome.covered());
        assertThat(outcome.refolded()).isZero();
        assertThat(outcome.fromSnapshot()).isEqualTo(snapshot.size());
    }

    private static Map<PartitionId, Long> halfOf(Map<PartitionId, Long> ends) {
        Map<PartitionId, Long> half = new TreeMap<>();
        ends.forEach((partition, end) -> half.put(partition, end / 2));
        return half;
    }

    /** Snapshot states by source key ({@code order:<id>}), as a rebuild holds them. */
    private static Map<String, AggregateState> bySource(Collection<AggregateState> states) {
        Map<String, AggregateState> bySource = new HashMap<>();
        states.forEach(state -> bySource.put(state.source().toString(), state));
        return bySource;
    }

    /** Stores a snapshot of each aggregate type in the archive, as the {@code snapshot} command does; their coverages. */
    private List<SnapshotCoverage> storeSnapshots(List<AggregateState> states) {
        SnapshotArchive snapshots = new SnapshotArchive(new LocalDirectoryArchiveStore(directory));
        List<SnapshotCoverage> coverages = new ArrayList<>();
        for (String type : List.of("consumer", "restaurant", "order", "delivery")) {
            coverages.add(snapshots.coverage(snapshots.store(SnapshotLines.of(type, Instant.parse("2026-11-26T08:00:00Z"), states))).orElseThrow());
        }
        return coverages;
    }

    /** The routing headers the relay sets on every event. */
    private static Map<String, byte[]> headers(DomainEvent event) {
        return Map.of("panorama-aggregate-type", event.metadata().aggregateType().getBytes(StandardCharsets.UTF_8),
            "panorama-aggregate-id", event.metadata().aggregateId().getBytes(StandardCharsets.UTF_8),
            "panorama-aggregate-version", Long.toString(event.metadata().aggregateVersion()).getBytes(StandardCharsets.UTF_8));
    }

    /** Archives the story as the log would hold it: one partition per topic and key hash of two, in story order. */
    private Map<PartitionId, Long> archive(List<DomainEvent> story, boolean withPoison) {
        Map<PartitionId, List<ArchivedRecord>> partitions = new TreeMap<>();
        Map<PartitionId, Long> next = new HashMap<>();
        for (DomainEvent event : story) {
            String key = event.metadata().aggregateId();
            PartitionId partition = new PartitionId("ftgo." + event.metadata().aggregateType() + ".events", Math.floorMod(key.hashCode(), 2));
            long offset = next.merge(partition, 1L, Long::sum) - 1;
            partitions.computeIfAbsent(partition, p -> new ArrayList<>())
                .add(new ArchivedRecord(partition, offset, 1_764_144_000_000L + offset, key.getBytes(StandardCharsets.UTF_8), headers(event),
                    EnvelopeJson.of(event)));
            if (withPoison && offset == 3) {
                long poison = next.merge(partition, 1L, Long::sum) - 1;
                partitions.get(partition).add(new ArchivedRecord(partition, poison, 1_764_144_000_000L + poison, null, Map.of(),
                    "{not json".getBytes(StandardCharsets.UTF_8)));
                withPoison = false;
            }
        }
        ArchiveWriter writer = new ArchiveWriter(new LocalDirectoryArchiveStore(directory));
        partitions.forEach((partition, records) -> {
            writer.open(partition);
            for (int from = 0; from < records.size(); from += 25) {
                writer.append(partition, records.subList(from, Math.min(records.size(), from + 25)));
            }
        });
        return new TreeMap<>(next);
    }
}
