package dev.panorama.rebuild.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.NoSuchElementException;

/**
 * The segment file: JSON Lines, one record per line, offsets strictly increasing, compressed as its name says
 * ({@link SegmentCompression}). The compressed bytes are a function of the records alone, so archiving the same
 * offsets twice makes the same file.
 */
final class Segments {


    private Segments() {
    }

    /** A segment ready to store: its compressed content and its manifest entry. */
    record Encoded(SegmentEntry entry, byte[] content) {
    }

    static Encoded encode(List<ArchivedRecord> records, Instant createdAt) {
        return encode(records, createdAt, null);
    }

    /** @param accepted whether the archiver's event reader accepts a record; {@code null} when it did not read them */
    static Encoded encode(List<ArchivedRecord> records, Instant createdAt, Predicate<ArchivedRecord> accepted) {
        return encode(records, createdAt, accepted, SegmentCompression.WRITTEN);
    }

    /** @param compression how to compress it: {@link SegmentCompression#WRITTEN} but where an older segment is remade (in tests) */
    static Encoded encode(List<ArchivedRecord> records, Instant createdAt, Predicate<ArchivedRecord> accepted, SegmentCompression compression) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        List<byte[]> lines = new ArrayList<>(records.size());
        long size = 0;
        long previous = -1;
        for (ArchivedRecord record : records) {
            if (record.offset() <= previous) {
                throw new IllegalArgumentException("offsets in a segment strictly increase: " + record.offset() + " after " + previous);
            }
            previous = record.offset();
            byte[] line = RecordCodec.encode(record);
            lines.add(line);
            size += line.length + 1;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a segment's lines must fit in 2 GB; these take " + size + " bytes");
        }
        // The lines joined into one array of their exact size (compressed in one call, so the frame records its size).
        byte[] plain = new byte[(int) size];
        int at = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, plain, at, line.length);
            at += line.length;
            plain[at++] = '\n';
        }
        byte[] content = compression.compress(plain);
        ArchivedRecord first = records.getFirst();
        ArchivedRecord last = records.getLast();
        SegmentEntry entry = new SegmentEntry(SegmentEntry.fileName(first.offset(), last.offset(), compression), first.offset(), last.offset(),
            records.size(), content.length, Sha256.of(content),
            Instant.ofEpochMilli(first.timestamp()), Instant.ofEpochMilli(last.timestamp()), createdAt,
            accepted == null ? null : records.stream().filter(accepted.negate()).map(ArchivedRecord::offset).toList());
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
        byte[] plain = entry.compression().decompress(content, name);
        long lines = 0;
        for (int at = 0; at < plain.length; at = LineFeeds.next(plain, at) + 1) {
            lines++;
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
    static List<ArchivedRecord> verifiedRecords(SegmentEntry entry, byte[] content, PartitionId partition, String name) {
        verifyChecksum(entry, content, name);
        List<ArchivedRecord> decoded = new ArrayList<>((int) Math.min(entry.records(), 1_000_000));
        records(entry, content, partition, name).forEachRemaining(decoded::add);
        return decoded;
    }

    /**
     * As {@link #verifiedRecords}, each record made into what {@code reader} makes of it: told by its offset
     * and headers first (a line as {@link RecordCodec#encode} writes it is then only scanned, its value
     * untouched), decoded whole only when that gives nothing.
     */
    static <T> List<T> verifiedLines(SegmentEntry entry, byte[] content, PartitionId partition, String name, SegmentLines<T> reader) {
        verifyChecksum(entry, content, name);
        Lines lines = new Lines(entry, entry.compression().decompress(content, name), name);
        List<T> made = new ArrayList<>((int) Math.min(entry.records(), 1_000_000));
        while (lines.next()) {
            CanonicalLine canonical = CanonicalLine.scan(lines.plain, lines.start, lines.length);
            ArchivedRecord record = canonical == null ? lines.decode(partition) : null;
            long offset = canonical == null ? record.offset() : canonical.offset();
            lines.inPlace(offset);
            HeaderText headers = canonical == null ? record::header : canonical;
            T result = reader.fromHeaders(offset, headers);
            if (result == null && canonical != null) {
                byte[] value = canonical.value();
                result = value == null ? null : reader.fromValue(offset, canonical, value);
            }
            made.add(result != null ? result : reader.whole(record != null ? record : lines.decode(partition)));
        }
        lines.atEnd();
        return made;
    }

    /** The records of a verified segment, lazily, checking that offsets stay within the entry's range and increase, and their count. */
    static Iterator<ArchivedRecord> records(SegmentEntry entry, byte[] content, PartitionId partition, String name) {
        // Whole, then cut at the line feeds: the lines are decoded from the bytes, never turned into text first.
        Lines lines = new Lines(entry, entry.compression().decompress(content, name), name);
        return new Iterator<>() {
            private ArchivedRecord next = advance();

            private ArchivedRecord advance() {
                if (!lines.next()) {
                    lines.atEnd();
                    return null;
                }
                ArchivedRecord record = lines.decode(partition);
                lines.inPlace(record.offset());
                return record;
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
                next = advance();
                return current;
            }
        };
    }

    /** The decompressed lines of a segment, one after another, with the checks every reader makes of their offsets. */
    private static final class Lines {

        private final SegmentEntry entry;
        private final byte[] plain;
        private final String name;
        private int position;
        private int start;
        private int length;
        private long previous = -1;
        private long count;

        Lines(SegmentEntry entry, byte[] plain, String name) {
            this.entry = entry;
            this.plain = plain;
            this.name = name;
        }

        /** Moves to the next line; false at the end. */
        boolean next() {
            if (position >= plain.length) {
                return false;
            }
            int end = LineFeeds.next(plain, position);
            start = position;
            length = end - start;
            position = end + 1;
            count++;
            return true;
        }

        ArchivedRecord decode(PartitionId partition) {
            try {
                return RecordCodec.decode(plain, start, length, partition);
            } catch (IllegalArgumentException e) {
                throw new ArchiveCorruptedException("segment " + name + " holds a line that is not a record: " + e.getMessage(), e);
            }
        }

        /** The current line's offset is where the entry says: the first at the entry's first offset, then increasing within its range. */
        void inPlace(long offset) {
            boolean firstLine = previous < 0;
            if (firstLine ? offset != entry.firstOffset() : offset <= previous || offset > entry.lastOffset()) {
                throw new ArchiveCorruptedException("segment " + name + ": offset " + offset + " is out of place (after " + previous
                    + ", range " + entry.firstOffset() + ".." + entry.lastOffset() + ")");
            }
            previous = offset;
        }

        /** The lines ended where the entry says, and there were as many as it says. */
        void atEnd() {
            if (previous != entry.lastOffset()) {
                throw new ArchiveCorruptedException("segment " + name + " ends at offset " + previous + "; the manifest says " + entry.lastOffset());
            }
            if (count != entry.records()) {
                throw new ArchiveCorruptedException("segment " + name + " holds " + count + " records; the manifest says " + entry.records());
            }
        }
    }
}
