package dev.panorama.rebuild.archive;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The segment file: GZIP-compressed JSON Lines, one record per line, offsets strictly increasing.
 * The compressed bytes are a function of the records alone (GZIP's header carries no time here), so
 * archiving the same offsets twice makes the same file.
 */
final class Segments {

    private Segments() {
    }

    /** A segment ready to store: its compressed content and its manifest entry. */
    record Encoded(SegmentEntry entry, byte[] content) {
    }

    static Encoded encode(List<ArchivedRecord> records, Instant createdAt) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        long previous = -1;
        try (OutputStream out = new GZIPOutputStream(compressed, 64 * 1024)) {
            for (ArchivedRecord record : records) {
                if (record.offset() <= previous) {
                    throw new IllegalArgumentException("offsets in a segment strictly increase: " + record.offset() + " after " + previous);
                }
                previous = record.offset();
                out.write(RecordCodec.encode(record));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("compressing into memory cannot fail", e);
        }
        byte[] content = compressed.toByteArray();
        ArchivedRecord first = records.getFirst();
        ArchivedRecord last = records.getLast();
        SegmentEntry entry = new SegmentEntry(SegmentEntry.fileName(first.offset(), last.offset()), first.offset(), last.offset(),
            records.size(), content.length, Sha256.of(content),
            Instant.ofEpochMilli(first.timestamp()), Instant.ofEpochMilli(last.timestamp()), createdAt);
        return new Encoded(entry, content);
    }

    /**
     * Checks a segment's content against its manifest entry: size and checksum first, then that it
     * decompresses into exactly the recorded number of lines.
     *
     * @param name the object's name, for messages
     */
    static void verify(SegmentEntry entry, byte[] content, String name) {
        verifyChecksum(entry, content, name);
        long lines = 0;
        try (BufferedReader reader = reader(content)) {
            while (reader.readLine() != null) {
                lines++;
            }
        } catch (IOException e) {
            throw new ArchiveCorruptedException("segment " + name + " does not decompress: " + e.getMessage(), e);
        }
        if (lines != entry.records()) {
            throw new ArchiveCorruptedException("segment " + name + " holds " + lines + " records; the manifest says " + entry.records());
        }
    }

    private static void verifyChecksum(SegmentEntry entry, byte[] content, String name) {
        String actual = Sha256.of(content);
        if (content.length != entry.bytes() || !actual.equals(entry.sha256())) {
            throw new ArchiveCorruptedException("segment " + name + " is corrupted: expected SHA-256 " + entry.sha256() + " (" + entry.bytes()
                + " bytes), actual " + actual + " (" + content.length + " bytes)");
        }
    }

    /**
     * Checks a segment as {@link #verify} does and decodes it, all in one pass over the decompressed lines:
     * size and checksum first, then every record with its offset in place, then the record count. Nothing
     * is returned unless all of it holds.
     */
    static List<ArchivedRecord> verifiedRecords(SegmentEntry entry, byte[] content, PartitionId partition, String name,
                                                Predicate<Map<String, byte[]>> valueWanted) {
        verifyChecksum(entry, content, name);
        List<ArchivedRecord> decoded = new ArrayList<>((int) Math.min(entry.records(), 1_000_000));
        records(entry, content, partition, name, valueWanted).forEachRemaining(decoded::add);
        if (decoded.size() != entry.records()) {
            throw new ArchiveCorruptedException("segment " + name + " holds " + decoded.size() + " records; the manifest says " + entry.records());
        }
        return decoded;
    }

    /** The records of a verified segment, lazily, checking that offsets stay within the entry's range and increase. */
    static Iterator<ArchivedRecord> records(SegmentEntry entry, byte[] content, PartitionId partition, String name) {
        return records(entry, content, partition, name, headers -> true);
    }

    /** As {@link #records(SegmentEntry, byte[], PartitionId, String)}; values whose headers {@code valueWanted} declines are skipped, not decoded. */
    static Iterator<ArchivedRecord> records(SegmentEntry entry, byte[] content, PartitionId partition, String name,
                                            Predicate<Map<String, byte[]>> valueWanted) {
        // Whole, then cut at the line feeds: the lines are decoded from the bytes, never turned into text first.
        byte[] plain = decompress(content, name);
        return new Iterator<>() {
            private int position;
            private ArchivedRecord next = advance(-1);

            private ArchivedRecord advance(long previous) {
                if (position >= plain.length) {
                    if (previous != entry.lastOffset()) {
                        throw new ArchiveCorruptedException("segment " + name + " ends at offset " + previous + "; the manifest says " + entry.lastOffset());
                    }
                    return null;
                }
                int end = position;
                while (end < plain.length && plain[end] != '\n') {
                    end++;
                }
                int start = position;
                position = end + 1;
                try {
                    ArchivedRecord record = RecordCodec.decode(plain, start, end - start, partition, valueWanted);
                    boolean firstLine = previous < 0;
                    if (firstLine ? record.offset() != entry.firstOffset() : record.offset() <= previous || record.offset() > entry.lastOffset()) {
                        throw new ArchiveCorruptedException("segment " + name + ": offset " + record.offset() + " is out of place (after " + previous
                            + ", range " + entry.firstOffset() + ".." + entry.lastOffset() + ")");
                    }
                    return record;
                } catch (IllegalArgumentException e) {
                    throw new ArchiveCorruptedException("segment " + name + " holds a line that is not a record: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ArchivedRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ArchivedRecord current = next;
                next = advance(current.offset());
                return current;
            }
        };
    }

    private static byte[] decompress(byte[] content, String name) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content), 64 * 1024)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ArchiveCorruptedException("segment " + name + " does not decompress: " + e.getMessage(), e);
        }
    }

    private static BufferedReader reader(byte[] content) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(content), 64 * 1024), StandardCharsets.UTF_8));
    }
}
