package dev.panorama.rebuild.archive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.panorama.rebuild.archive.Records.ORDERS_0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveWriterAndReaderTest {

    private static final PartitionId ORDERS_1 = new PartitionId("ftgo.order.events", 1);

    @TempDir
    Path root;

    private LocalDirectoryArchiveStore store;
    private ArchiveWriter writer;
    private ArchiveReader reader;

    @BeforeEach
    void setUp() {
        store = new LocalDirectoryArchiveStore(root);
        writer = new ArchiveWriter(store, Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC), Duration.ZERO);
        reader = new ArchiveReader(store);
    }

    @Test
    void readsBackWhatWasAppendedAcrossSegmentsWithOffsetGaps() {
        List<ArchivedRecord> first = Records.events(ORDERS_0, 0, 1, 2, 5);
        List<ArchivedRecord> second = new ArrayList<>(Records.events(ORDERS_0, 7, 8));
        second.add(Records.poison(ORDERS_0, 11));
        writer.append(ORDERS_0, first);
        writer.append(ORDERS_0, second);

        assertThat(readAll(ORDERS_0, 0)).containsExactlyElementsOf(concat(first, second));
        assertThat(readAll(ORDERS_0, 6)).extracting(ArchivedRecord::offset).containsExactly(7L, 8L, 11L);
        assertThat(readAll(ORDERS_0, 12)).isEmpty();
        assertThat(reader.highWaterMark(ORDERS_0)).isEqualTo(12);
        assertThat(reader.highWaterMark(ORDERS_1)).isZero();
    }

    @Test
    void aSegmentReadWhenArchivedRecordsWhichRecordsWereNotAcceptedAndTheManifestKeepsIt() {
        List<ArchivedRecord> records = new ArrayList<>(Records.events(ORDERS_0, 0, 1));
        records.add(Records.poison(ORDERS_0, 2));
        records.addAll(Records.events(ORDERS_0, 4));
        writer.append(ORDERS_0, records, record -> record.offset() != 2);
        writer.append(ORDERS_0, Records.events(ORDERS_0, 5, 6));

        List<SegmentEntry> segments = new ArchiveReader(store).manifest(ORDERS_0).segments();

        assertThat(segments.getFirst().unaccepted()).containsExactly(2L);
        assertThat(List.of(0L, 1L, 2L, 4L)).filteredOn(segments.getFirst()::accepted).containsExactly(0L, 1L, 4L);
        assertThat(segments.getLast().unaccepted()).as("not read when archived").isNull();
        assertThat(segments.getLast().accepted(5)).isFalse();
    }

    @Test
    void theManifestRecordsRangesCountsSizesAndChecksums() throws IOException {
        writer.append(ORDERS_0, Records.events(ORDERS_0, 10, 12, 13));

        Manifest manifest = reader.manifest(ORDERS_0);
        SegmentEntry segment = manifest.segments().getFirst();
        Path file = root.resolve("ftgo.order.events/0/00000000000000000010-00000000000000000013.jsonl.zst");
        assertThat(manifest.generation()).isEqualTo(1);
        assertThat(segment).extracting(SegmentEntry::firstOffset, SegmentEntry::lastOffset, SegmentEntry::records, SegmentEntry::bytes, SegmentEntry::sha256)
            .containsExactly(10L, 13L, 3L, Files.size(file), Sha256.of(Files.readAllBytes(file)));
        assertThat(segment.firstTimestamp()).isEqualTo(Instant.ofEpochMilli(1_764_144_000_010L));
        assertThat(segment.createdAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(Files.readString(root.resolve("ftgo.order.events/0/manifest.json"))).contains("\"highWaterMark\" : 14", "\"sha256\"");
    }

    @Test
    void archivingTheSameOffsetsAgainChangesNothing() {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9));

        assertThat(writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9))).isEmpty();
        writer.append(ORDERS_0, Records.range(ORDERS_0, 5, 14));

        assertThat(reader.manifest(ORDERS_0).segments()).extracting(SegmentEntry::file).containsExactly(
            "00000000000000000000-00000000000000000009.jsonl.zst", "00000000000000000010-00000000000000000014.jsonl.zst");
        assertThat(readAll(ORDERS_0, 0)).extracting(ArchivedRecord::offset).containsExactlyElementsOf(
            Records.range(ORDERS_0, 0, 14).stream().map(ArchivedRecord::offset).toList());
    }

    @Test
    void aPartitionWhoseOlderSegmentsWereWrittenWithGzipReadsOnAcrossBoth() {
        Segments.Encoded older = Segments.encode(Records.range(ORDERS_0, 0, 9), Instant.EPOCH, null, SegmentCompression.GZIP);
        store.putIfAbsent(ORDERS_0.prefix() + older.entry().file(), older.content());
        Manifests manifests = new Manifests(store);
        Manifests.Versioned empty = manifests.load(ORDERS_0);
        manifests.replace(empty, empty.manifest().with(older.entry()), Instant.EPOCH);

        writer.append(ORDERS_0, Records.range(ORDERS_0, 10, 19));

        assertThat(reader.manifest(ORDERS_0).segments()).extracting(SegmentEntry::file)
            .containsExactly("00000000000000000000-00000000000000000009.jsonl.gz", "00000000000000000010-00000000000000000019.jsonl.zst");
        assertThat(readAll(ORDERS_0, 0)).containsExactlyElementsOf(Records.range(ORDERS_0, 0, 19));
        assertThat(reader.verify(ORDERS_0)).extracting(PartitionCheck::segmentsChecked, PartitionCheck::ok).containsExactly(2, true);
    }

    @Test
    void aManifestChangedByAnotherWriterMeanwhileIsAConflictAndNothingIsRecorded() {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 4));
        Manifests manifests = new Manifests(store);
        Manifests.Versioned stale = manifests.load(ORDERS_0);
        writer.append(ORDERS_0, Records.range(ORDERS_0, 5, 9));

        assertThatThrownBy(() -> manifests.replace(stale, stale.manifest().with(Segments.encode(Records.range(ORDERS_0, 5, 7), Instant.EPOCH).entry()), Instant.EPOCH))
            .isInstanceOf(ManifestConflictException.class).hasMessageContaining("another archiver");
        assertThat(reader.manifest(ORDERS_0).generation()).isEqualTo(2);
        assertThat(reader.highWaterMark(ORDERS_0)).isEqualTo(10);
    }

    @Test
    void theManifestIsReplacedWholeAndLeavesNoTemporaryFile() throws IOException {
        for (int i = 0; i < 5; i++) {
            writer.append(ORDERS_0, Records.range(ORDERS_0, i * 10L, i * 10L + 9));
        }

        try (Stream<Path> files = Files.list(root.resolve("ftgo.order.events/0"))) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".tmp"))).isEmpty();
        }
        assertThat(reader.manifest(ORDERS_0).generation()).isEqualTo(5);
        assertThat(reader.manifest(ORDERS_0).segments()).hasSize(5);
    }

    @Test
    void aFlippedByteIsNamedWithBothChecksums() throws IOException {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9));
        writer.append(ORDERS_0, Records.range(ORDERS_0, 10, 19));
        Path file = root.resolve("ftgo.order.events/0/00000000000000000010-00000000000000000019.jsonl.zst");
        String expected = Sha256.of(Files.readAllBytes(file));
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 0x01;
        Files.write(file, content);

        List<Long> handedOut = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Stream<ArchivedRecord> records = reader.read(ORDERS_0, 0)) {
                records.forEach(record -> handedOut.add(record.offset()));
            }
        }).isInstanceOf(ArchiveCorruptedException.class)
            .hasMessageContaining("ftgo.order.events/0/00000000000000000010-00000000000000000019.jsonl.zst")
            .hasMessageContaining("expected SHA-256 " + expected)
            .hasMessageContaining("actual " + Sha256.of(content));
        assertThat(handedOut).as("nothing of the bad segment is handed out").hasSize(10);
        assertThat(reader.verify(ORDERS_0).problems()).singleElement().asString().contains("is corrupted");
    }

    @Test
    void aTruncatedSegmentIsCorruption() throws IOException {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 99));
        Path file = root.resolve("ftgo.order.events/0/00000000000000000000-00000000000000000099.jsonl.zst");
        byte[] content = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(content, content.length - 20));

        assertThatThrownBy(() -> readAll(ORDERS_0, 0)).isInstanceOf(ArchiveCorruptedException.class)
            .hasMessageContaining("(" + content.length + " bytes), actual").hasMessageContaining("(" + (content.length - 20) + " bytes)");
    }

    @Test
    void aMissingSegmentIsNamed() throws IOException {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9));
        Files.delete(root.resolve("ftgo.order.events/0/00000000000000000000-00000000000000000009.jsonl.zst"));

        assertThatThrownBy(() -> readAll(ORDERS_0, 0)).isInstanceOf(MissingSegmentException.class)
            .hasMessageContaining("ftgo.order.events/0/00000000000000000000-00000000000000000009.jsonl.zst is missing");
        assertThat(reader.verify(ORDERS_0).ok()).isFalse();
    }

    @Test
    void aSegmentTheManifestDoesNotListIsIgnored() {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9));
        Segments.Encoded leftover = Segments.encode(Records.range(ORDERS_0, 10, 19), Instant.EPOCH);
        store.putIfAbsent(ORDERS_0.prefix() + leftover.entry().file(), leftover.content());

        assertThat(readAll(ORDERS_0, 0)).hasSize(10);
        assertThat(reader.highWaterMark(ORDERS_0)).isEqualTo(10);
        assertThat(reader.verify(ORDERS_0).ok()).isTrue();
    }

    @Test
    void aCrashBetweenSegmentAndManifestIsRepairedByArchivingAgain() {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9));
        // The crash: the segment was stored, the manifest never updated.
        Segments.Encoded orphan = Segments.encode(Records.range(ORDERS_0, 10, 29), Instant.EPOCH);
        store.putIfAbsent(ORDERS_0.prefix() + orphan.entry().file(), orphan.content());

        writer.open(ORDERS_0);
        writer.append(ORDERS_0, Records.range(ORDERS_0, 10, 19));
        writer.append(ORDERS_0, Records.range(ORDERS_0, 20, 29));
        assertThat(writer.open(ORDERS_0).highWaterMark()).isEqualTo(30);

        assertThat(store.list(ORDERS_0.prefix())).extracting(ArchiveStore.ObjectInfo::name).as("the orphan is gone once below the high-water mark")
            .doesNotContain(ORDERS_0.prefix() + orphan.entry().file());
        assertThat(readAll(ORDERS_0, 0)).containsExactlyElementsOf(Records.range(ORDERS_0, 0, 29));
    }

    @Test
    void reArchivingTheRangeOfALeftoverSegmentReusesIt() {
        Segments.Encoded leftover = Segments.encode(Records.range(ORDERS_0, 0, 9), Instant.EPOCH);
        store.putIfAbsent(ORDERS_0.prefix() + leftover.entry().file(), leftover.content());

        writer.open(ORDERS_0);
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9));

        assertThat(readAll(ORDERS_0, 0)).containsExactlyElementsOf(Records.range(ORDERS_0, 0, 9));
    }

    @Test
    void aLeftoverWithOtherContentUnderTheSameNameIsRefused() {
        store.putIfAbsent(ORDERS_0.prefix() + SegmentEntry.fileName(0, 9), Records.utf8("something else"));

        assertThatThrownBy(() -> writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9)))
            .isInstanceOf(SegmentConflictException.class).hasMessageContaining("never overwritten");
        assertThat(reader.highWaterMark(ORDERS_0)).isZero();
    }

    @Test
    void temporaryFilesFromACrashAreCleanedWhenAPartitionIsOpened() throws IOException {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 9));
        Path stray = Files.writeString(root.resolve("ftgo.order.events/0/.00000000000000000010-00000000000000000019.jsonl.zst.abc.tmp"), "half a segment");

        assertThat(writer.open(ORDERS_0).highWaterMark()).isEqualTo(10);

        assertThat(stray).doesNotExist();
    }

    @Test
    void listsPartitionsAndHighWaterMarksPerTopic() {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 4));
        writer.append(ORDERS_1, Records.range(ORDERS_1, 0, 2));
        PartitionId consumers = new PartitionId("ftgo.consumer.events", 0);
        writer.append(consumers, Records.range(consumers, 0, 0));

        assertThat(reader.topics()).containsExactly("ftgo.consumer.events", "ftgo.order.events");
        assertThat(reader.highWaterMarks("ftgo.order.events")).containsExactly(Map.entry(0, 5L), Map.entry(1, 3L));
        try (Stream<ArchivedRecord> records = reader.readTopic("ftgo.order.events")) {
            assertThat(records.map(ArchivedRecord::partition).distinct()).containsExactly(ORDERS_0, ORDERS_1);
        }
        try (Stream<ArchivedRecord> records = reader.readTopic("ftgo.order.events", Map.of(0, 3L, 1, 2L))) {
            assertThat(records.map(record -> record.partition().partition() + "@" + record.offset())).containsExactly("0@3", "0@4", "1@2");
        }
    }

    @Test
    void aRecordOfAnotherPartitionIsRefused() {
        assertThatThrownBy(() -> writer.append(ORDERS_0, Records.range(ORDERS_1, 0, 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go into the archive of ftgo.order.events-0");
    }

    @Test
    void anUnreadableManifestIsCorruption() throws IOException {
        writer.append(ORDERS_0, Records.range(ORDERS_0, 0, 4));
        Files.writeString(root.resolve("ftgo.order.events/0/manifest.json"), "{\"format\":1,");

        assertThatThrownBy(() -> reader.manifest(ORDERS_0)).isInstanceOf(ArchiveCorruptedException.class)
            .hasMessageContaining("manifest ftgo.order.events/0/manifest.json cannot be read");
    }

    private List<ArchivedRecord> readAll(PartitionId partition, long from) {
        try (Stream<ArchivedRecord> records = reader.read(partition, from)) {
            return records.toList();
        }
    }

    private static List<ArchivedRecord> concat(List<ArchivedRecord> first, List<ArchivedRecord> second) {
        List<ArchivedRecord> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
