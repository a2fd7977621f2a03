package dev.panorama.rebuild.snapshot;

import dev.panorama.rebuild.archive.ArchiveCorruptedException;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.fixtures.SnapshotLines;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.snapshot.SnapshotReader;
import dev.panorama.views.state.AggregateState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotArchiveTest {

    private static final Instant EARLY = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant LATE = Instant.parse("2026-11-26T09:00:00Z");

    @TempDir
    Path directory;

    private final InMemoryStates states = Oracle.states(FtgoStory.generate(9, 6, 2, 20));

    @Test
    void storesListsNewestFirstAndReadsBackTheStates() {
        SnapshotArchive archive = new SnapshotArchive(new LocalDirectoryArchiveStore(directory));

        archive.store(SnapshotLines.of("order", EARLY, states.all()));
        SnapshotArchive.StoredSnapshot late = archive.store(SnapshotLines.of("order", LATE, states.all()));
        archive.store(SnapshotLines.of("order", LATE, states.all()));

        assertThat(archive.list("order")).extracting(SnapshotArchive.StoredSnapshot::takenAt).containsExactly(LATE, EARLY);
        assertThat(archive.newest("order", LATE)).get().extracting(SnapshotArchive.StoredSnapshot::takenAt).isEqualTo(EARLY);
        assertThat(archive.newest("order", EARLY)).isEmpty();
        List<AggregateState> orders = states.all().stream().filter(state -> state.aggregateType().equals("order")).toList();
        assertThat(archive.states(late)).containsExactlyInAnyOrderElementsOf(orders);
        assertThat(late.records()).isEqualTo(orders.size());
    }

    @Test
    void refusesASnapshotCutShortOrWithAWrongCountAndStoresNothing() {
        SnapshotArchive archive = new SnapshotArchive(new LocalDirectoryArchiveStore(directory));
        List<String> lines = SnapshotLines.of("consumer", EARLY, states.all());
        List<String> cut = lines.subList(0, lines.size() - 1);
        List<String> miscounted = new ArrayList<>(lines);
        miscounted.remove(1);

        assertThatThrownBy(() -> archive.store(cut)).isInstanceOf(SnapshotReader.InvalidSnapshotException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> archive.store(miscounted)).hasMessageContaining("announces");
        assertThat(archive.list("consumer")).isEmpty();
    }

    @Test
    void aCorruptedSnapshotIsNotRead() throws Exception {
        SnapshotArchive archive = new SnapshotArchive(new LocalDirectoryArchiveStore(directory));
        SnapshotArchive.StoredSnapshot stored = archive.store(SnapshotLines.of("restaurant", EARLY, states.all()));
        try (RandomAccessFile file = new RandomAccessFile(directory.resolve(stored.file()).toFile(), "rw")) {
            file.seek(file.length() / 2);
            int original = file.read();
            file.seek(file.length() / 2);
            file.write(original ^ 0xFF);
        }

        assertThatThrownBy(() -> archive.states(stored)).isInstanceOf(ArchiveCorruptedException.class).hasMessageContaining(stored.file());
    }

    @Test
    void aCoverageThatCannotBeReadIsSetAsideNotTrusted() throws Exception {
        SnapshotArchive archive = new SnapshotArchive(new LocalDirectoryArchiveStore(directory));
        SnapshotArchive.StoredSnapshot stored = archive.store(SnapshotLines.of("order", EARLY, states.all()));
        Path coverage = directory.resolve(stored.file().replace(".ndjson.gz", ".coverage.json.gz"));
        assertThat(archive.coverage(stored)).as("an empty archive: nothing held, every aggregate pending").get()
            .satisfies(found -> assertThat(found.held()).isEmpty())
            .satisfies(found -> assertThat(found.pending()).hasSize((int) stored.records()));

        Files.write(coverage, "not gzip".getBytes(StandardCharsets.UTF_8));

        assertThat(archive.coverage(stored)).isEmpty();
    }
}
