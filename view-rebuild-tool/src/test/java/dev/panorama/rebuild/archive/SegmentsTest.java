package dev.panorama.rebuild.archive;

import com.github.luben.zstd.Zstd;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static dev.panorama.rebuild.archive.Records.ORDERS_0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void roundTripsEventsAndPoisonRecordsByteForByte() {
        List<ArchivedRecord> records = new ArrayList<>(Records.events(ORDERS_0, 3, 4, 9));
        records.add(Records.poison(ORDERS_0, 10));
        records.add(new ArchivedRecord(ORDERS_0, 12, -1, null, Map.of(), null));

        Segments.Encoded segment = Segments.encode(records, NOW);
        Segments.verify(segment.entry(), segment.content(), "test");

        assertThat(read(segment)).containsExactlyElementsOf(records);
        assertThat(segment.entry()).extracting(SegmentEntry::file, SegmentEntry::firstOffset, SegmentEntry::lastOffset, SegmentEntry::records)
            .containsExactly("00000000000000000003-00000000000000000012.jsonl.zst", 3L, 12L, 5L);
        assertThat(segment.entry().bytes()).isEqualTo(segment.content().length);
        assertThat(segment.entry().sha256()).isEqualTo(Sha256.of(segment.content()));
    }

    @Test
    void writesTextAsJsonStringsAndOtherBytesAsBase64() {
        Segments.Encoded segment = Segments.encode(List.of(Records.event(ORDERS_0, 0), Records.poison(ORDERS_0, 1)), NOW);

        // A standard Zstandard frame, its size in the header (zstdcat reads it as well).
        byte[] plain = Zstd.decompress(segment.content(), (int) Zstd.getFrameContentSize(segment.content()));
        String[] lines = new String(plain, StandardCharsets.UTF_8).split("\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"offset\":0,\"timestamp\":").contains("\"key\":\"order-0\"", "\"panorama-event-type\":\"order.OrderApproved\"",
            "\"value\":\"{\\\"eventId\\\"").doesNotContain("Base64");
        assertThat(lines[1]).contains("\"keyBase64\":", "\"valueBase64\":", "\"headersBase64\":{\"binary\":", "\"empty\":null")
            .doesNotContain("\"value\":");
    }

    @Test
    void aRecordTheReaderTellsByItsHeadersIsNotDecodedAndEveryOtherIsReadWhole() {
        List<ArchivedRecord> records = new ArrayList<>(Records.events(ORDERS_0, 0, 1, 2));
        records.add(Records.poison(ORDERS_0, 3));
        records.add(new ArchivedRecord(ORDERS_0, 4, 7, Records.utf8("order-4"), Map.of(), Records.utf8("{\"no\":\"headers\"}")));
        Segments.Encoded segment = Segments.encode(records, NOW);
        List<ArchivedRecord> decodedWhole = new ArrayList<>();

        List<Object> read = Segments.verifiedLines(segment.entry(), segment.content(), ORDERS_0, "test", new SegmentLines<>() {
            @Override
            public Object fromHeaders(long offset, HeaderText headers) {
                if ("order-1".equals(headers.get("panorama-aggregate-id"))) {
                    return "told at " + offset;
                }
                // The poison record's line is not in the common layout (base64 fields): its headers come from decoding it whole.
                return "order.Unknown".equals(headers.get("panorama-event-type")) ? "unknown at " + offset : null;
            }

            @Override
            public Object whole(ArchivedRecord record) {
                decodedWhole.add(record);
                return record;
            }
        });

        assertThat(read).containsExactly(records.get(0), "told at 1", records.get(2), "unknown at 3", records.get(4));
        assertThat(decodedWhole).containsExactly(records.get(0), records.get(2), records.get(4));
    }

    @Test
    void aLineOutOfPlaceIsCorruptionWhenReadByHeadersToo() {
        Segments.Encoded segment = Segments.encode(Records.range(ORDERS_0, 0, 4), NOW);
        SegmentEntry entry = segment.entry();
        SegmentEntry shifted = new SegmentEntry(SegmentEntry.fileName(1, 5), 1, 5, entry.records(), entry.bytes(), entry.sha256(), entry.firstTimestamp(),
            entry.lastTimestamp(), entry.createdAt(), null);

        assertThatThrownBy(() -> Segments.verifiedLines(shifted, segment.content(), ORDERS_0, "t/0/x", new SegmentLines<Long>() {
            @Override
            public Long fromHeaders(long offset, HeaderText headers) {
                return offset;
            }

            @Override
            public Long whole(ArchivedRecord record) {
                return record.offset();
            }
        })).isInstanceOf(ArchiveCorruptedException.class).hasMessageContaining("offset 0 is out of place");
    }

    @Test
    void theSameRecordsMakeTheSameBytes() {
        List<ArchivedRecord> records = Records.range(ORDERS_0, 0, 99);

        assertThat(Segments.encode(records, NOW).content()).isEqualTo(Segments.encode(records, NOW.plusSeconds(60)).content());
    }

    @Test
    void keepsHeaderOrder() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("z", Records.utf8("1"));
        headers.put("a", Records.utf8("2"));
        ArchivedRecord record = new ArchivedRecord(ORDERS_0, 0, 0, null, headers, Records.utf8("v"));

        assertThat(read(Segments.encode(List.of(record), NOW)).getFirst().headers().keySet()).containsExactly("z", "a");
    }

    @Test
    void refusesOffsetsThatDoNotIncrease() {
        assertThatThrownBy(() -> Segments.encode(Records.events(ORDERS_0, 5, 5), NOW))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increase");
    }

    @Test
    void aRecordCountOtherThanTheManifestsIsCorruption() {
        Segments.Encoded segment = Segments.encode(Records.range(ORDERS_0, 0, 9), NOW);
        SegmentEntry entry = segment.entry();
        SegmentEntry claimsFewer = new SegmentEntry(entry.file(), entry.firstOffset(), entry.lastOffset(), 9,
            entry.bytes(), entry.sha256(), entry.firstTimestamp(), entry.lastTimestamp(), entry.createdAt(), null);

        assertThatThrownBy(() -> Segments.verify(claimsFewer, segment.content(), "t/0/x"))
            .isInstanceOf(ArchiveCorruptedException.class).hasMessageContaining("holds 10 records; the manifest says 9");
    }

    @Test
    void aSegmentWrittenWithGzipIsReadAsBefore() throws IOException {
        List<ArchivedRecord> records = Records.range(ORDERS_0, 20, 29);
        Segments.Encoded zstd = Segments.encode(records, NOW);
        byte[] plain = Zstd.decompress(zstd.content(), (int) Zstd.getFrameContentSize(zstd.content()));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(plain);
        }
        byte[] content = gzipped.toByteArray();
        SegmentEntry entry = zstd.entry();
        SegmentEntry gzip = new SegmentEntry("00000000000000000020-00000000000000000029.jsonl.gz", 20, 29, entry.records(), content.length,
            Sha256.of(content), entry.firstTimestamp(), entry.lastTimestamp(), entry.createdAt(), null);

        Segments.verify(gzip, content, "t/0/old");
        assertThat(read(new Segments.Encoded(gzip, content))).containsExactlyElementsOf(records);
    }

    @Test
    void contentThatIsNoZstandardFrameIsCorruptionEvenWithItsChecksumRight() {
        byte[] content = Records.utf8("not compressed at all");
        Segments.Encoded segment = Segments.encode(Records.range(ORDERS_0, 0, 1), NOW);
        SegmentEntry entry = segment.entry();
        SegmentEntry claims = new SegmentEntry(entry.file(), entry.firstOffset(), entry.lastOffset(), entry.records(), content.length,
            Sha256.of(content), entry.firstTimestamp(), entry.lastTimestamp(), entry.createdAt(), null);

        assertThatThrownBy(() -> Segments.verify(claims, content, "t/0/x"))
            .isInstanceOf(ArchiveCorruptedException.class).hasMessageContaining("segment t/0/x does not decompress");
        byte[] truncated = Arrays.copyOf(segment.content(), segment.content().length - 4);
        SegmentEntry cut = new SegmentEntry(entry.file(), entry.firstOffset(), entry.lastOffset(), entry.records(), truncated.length,
            Sha256.of(truncated), entry.firstTimestamp(), entry.lastTimestamp(), entry.createdAt(), null);
        assertThatThrownBy(() -> read(new Segments.Encoded(cut, truncated)))
            .isInstanceOf(ArchiveCorruptedException.class).hasMessageContaining("does not decompress");
    }

    @Test
    void aFileNameNamesItsOffsetsAndOneOfTheCompressions() {
        assertThat(SegmentEntry.isSegmentFileName("00000000000000000020-00000000000000000029.jsonl.zst")).isTrue();
        assertThat(SegmentEntry.isSegmentFileName("00000000000000000020-00000000000000000029.jsonl.gz")).isTrue();
        assertThat(SegmentEntry.isSegmentFileName("00000000000000000020-00000000000000000029.jsonl.lz4")).isFalse();
        assertThatThrownBy(() -> new SegmentEntry("00000000000000000020-00000000000000000029.jsonl.xz", 20, 29, 1, 1, "0".repeat(64), NOW, NOW, NOW, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match its offsets");
        assertThatThrownBy(() -> new SegmentEntry("00000000000000000021-00000000000000000029.jsonl.zst", 20, 29, 1, 1, "0".repeat(64), NOW, NOW, NOW, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match its offsets");
    }

    private static List<ArchivedRecord> read(Segments.Encoded segment) {
        List<ArchivedRecord> read = new ArrayList<>();
        Segments.records(segment.entry(), segment.content(), ORDERS_0, "test").forEachRemaining(read::add);
        return read;
    }
}
