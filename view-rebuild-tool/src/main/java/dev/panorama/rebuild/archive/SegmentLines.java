package dev.panorama.rebuild.archive;

/**
 * What a reader makes of each record of a segment, in two steps: first from the record's offset and headers
 * alone — most of a line is its value, which is then never decoded — and only when that gives nothing, from
 * the whole record.
 *
 * @param <T> what the reader makes of a record
 */
public interface SegmentLines<T> {

    /** What the record is to the reader, told by its offset and headers; {@code null} to have it decoded whole. */
    T fromHeaders(long offset, HeaderText headers);

    /** What the whole record is to the reader (asked only when {@link #fromHeaders} gave {@code null}). */
    T whole(ArchivedRecord record);
}
