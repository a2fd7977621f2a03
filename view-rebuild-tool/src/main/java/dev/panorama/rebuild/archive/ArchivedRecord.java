package dev.panorama.rebuild.archive;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record of the log, exactly as the broker held it: key, value and header values are the bytes the
 * producer sent, whatever they are (an archive is a copy of the log, not a judgement of it).
 *
 * @param partition where the record was read; implied by the segment's place, not written per line
 * @param offset its offset in the partition
 * @param timestamp the record's timestamp, epoch milliseconds as Kafka gives it
 * @param key the key bytes, or {@code null}
 * @param headers header name to value bytes (a {@code null} value is kept), in the record's order;
 *     a header name repeated in one record keeps its last value
 * @param value the value bytes, or {@code null} (a tombstone)
 */
public record ArchivedRecord(PartitionId partition, long offset, long timestamp, byte[] key, Map<String, byte[]> headers, byte[] value) {

    public ArchivedRecord {
        Objects.requireNonNull(partition, "partition");
        if (offset < 0) {
            throw new IllegalArgumentException("an offset is 0 or more: " + offset);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The key as UTF-8 text (aggregate ids are), or {@code null}. */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** A header's value as UTF-8 text (Panorama's headers are), or {@code null} when absent. */
    public String header(String name) {
        byte[] header = headers.get(name);
        return header == null ? null : new String(header, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ArchivedRecord that)) {
            return false;
        }
        return offset == that.offset && timestamp == that.timestamp && partition.equals(that.partition)
            && Arrays.equals(key, that.key) && Arrays.equals(value, that.value) && sameHeaders(headers, that.headers);
    }

    private static boolean sameHeaders(Map<String, byte[]> left, Map<String, byte[]> right) {
        if (!left.keySet().equals(right.keySet())) {
            return false;
        }
        return left.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(), right.get(entry.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, offset, timestamp, Arrays.hashCode(key), Arrays.hashCode(value), headers.keySet());
    }

    @Override
    public String toString() {
        return partition + "@" + offset + " key=" + keyAsString() + " headers=" + headers.keySet()
            + " value=" + (value == null ? "null" : value.length + " bytes");
    }
}
