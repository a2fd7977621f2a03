package dev.panorama.rebuild.archive;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the manifest knows of one segment: enough to find it, to check it was not altered, and to tell
 * which offsets it covers without opening it.
 *
 * @param file the segment's file name within its partition, {@code <firstOffset:020d>-<lastOffset:020d>.jsonl.zst} (Zstandard;
 *             {@code .jsonl.gz} for a segment written with GZIP)
 * @param records how many records it holds; may be fewer than the offset range (offsets have gaps)
 * @param bytes the size of the compressed file
 * @param sha256 lower-case hex SHA-256 of the compressed file
 * @param unaccepted when the archiver read every record with the event reader as it archived them, the offsets of
 *                   those it did not accept (sorted; empty when it accepted all); {@code null} when it did not read them
 */
public record SegmentEntry(String file, long firstOffset, long lastOffset, long records, long bytes, String sha256,
                           Instant firstTimestamp, Instant lastTimestamp, Instant createdAt, List<Long> unaccepted) {

    private static final Pattern FILE_NAME = Pattern.compile("(\\d{20})-(\\d{20})\\.jsonl\\.(?:gz|zst)");

    public SegmentEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(firstTimestamp, "firstTimestamp");
        Objects.requireNonNull(lastTimestamp, "lastTimestamp");
        Objects.requireNonNull(createdAt, "createdAt");
        if (firstOffset < 0 || lastOffset < firstOffset) {
            throw new IllegalArgumentException("a segment covers offsets first <= last, both 0 or more: " + firstOffset + ".." + lastOffset);
        }
        if (records < 1 || records > lastOffset - firstOffset + 1) {
            throw new IllegalArgumentException("a segment of offsets " + firstOffset + ".." + lastOffset + " cannot hold " + records + " records");
        }
        if (!isSegmentFileName(file) || !file.startsWith(offsetRange(firstOffset, lastOffset) + ".")) {
            throw new IllegalArgumentException("segment file " + file + " does not match its offsets " + firstOffset + ".." + lastOffset);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        if (unaccepted != null) {
            unaccepted = unaccepted.stream().sorted().toList();
            if (!unaccepted.isEmpty() && (unaccepted.getFirst() < firstOffset || unaccepted.getLast() > lastOffset)) {
                throw new IllegalArgumentException("unaccepted offsets " + unaccepted + " outside the segment's " + firstOffset + ".." + lastOffset);
            }
        }
    }

    /**
     * Whether the archiver's event reader accepted the record at {@code offset} when it archived it: such a record
     * (unchanged since, as its segment's checksum shows) need not be checked against the schemas again.
     */
    public boolean accepted(long offset) {
        return unaccepted != null && Collections.binarySearch(unaccepted, offset) < 0;
    }

    /** How the segment's lines are compressed, as its file name says. */
    SegmentCompression compression() {
        return SegmentCompression.ofFile(file);
    }

    /** The name a new segment gets: {@code 00000000000000000042-00000000000000000099.jsonl.zst}, which sorts by offset as text. */
    public static String fileName(long firstOffset, long lastOffset) {
        return fileName(firstOffset, lastOffset, SegmentCompression.WRITTEN);
    }

    static String fileName(long firstOffset, long lastOffset, SegmentCompression compression) {
        return offsetRange(firstOffset, lastOffset) + compression.suffix();
    }

    private static String offsetRange(long firstOffset, long lastOffset) {
        return String.format(Locale.ROOT, "%020d-%020d", firstOffset, lastOffset);
    }

    /** Whether a file name has the shape of a segment's; {@link #offsetsOf} then reads it. */
    public static boolean isSegmentFileName(String name) {
        return FILE_NAME.matcher(name).matches();
    }

    /** The first and last offset a segment file name stands for. */
    public static long[] offsetsOf(String name) {
        Matcher matcher = FILE_NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a segment file name: " + name);
        }
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }
}
