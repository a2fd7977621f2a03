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

    /**
     * What the record is to the reader, told by its offset, headers and value (its key and timestamp left
     * undecoded); asked when {@link #fromHeaders} gave {@code null}, for a line laid out as the archiver writes it
     * with its value as text. {@code null} to have it decoded whole; by default it is.
     */
    default T fromValue(long offset, HeaderText headers, byte[] value) {
        return null;
    }

    /** What the whole record is to the reader (asked only when neither {@link #fromHeaders} nor {@link #fromValue} told). */
    T whole(ArchivedRecord record);
}
