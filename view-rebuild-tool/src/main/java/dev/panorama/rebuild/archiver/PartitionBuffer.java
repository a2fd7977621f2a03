package dev.panorama.rebuild.archiver;

import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.PartitionId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records of one partition read but not yet sealed into a segment. */
final class PartitionBuffer {

    /** Per-record bookkeeping in the size estimate (offset, timestamp, JSON field names). */
    private static final int RECORD_OVERHEAD = 64;

    private final PartitionId partition;
    private long nextOffset;
    private List<ArchivedRecord> records = new ArrayList<>();
    private long bytes;
    private long oldestArrivalNanos;

    /** @param nextOffset the archive's high-water mark: records below it are already archived */
    PartitionBuffer(PartitionId partition, long nextOffset) {
        this.partition = partition;
        this.nextOffset = nextOffset;
    }

    PartitionId partition() {
        return partition;
    }

    void add(ConsumerRecord<byte[], byte[]> record, long nowNanos) {
        if (record.offset() < nextOffset) {
            return;
        }
        if (records.isEmpty()) {
            oldestArrivalNanos = nowNanos;
        }
        ArchivedRecord archived = convert(record);
        records.add(archived);
        bytes += size(archived);
        nextOffset = record.offset() + 1;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    int size() {
        return records.size();
    }

    /** Whether the segment has reached its size limits. */
    boolean full(SegmentLimits limits) {
        return records.size() >= limits.maxRecords() || bytes >= limits.maxBytes();
    }

    /** Whether the segment is full or its oldest record has waited long enough. */
    boolean due(SegmentLimits limits, long nowNanos) {
        return !records.isEmpty() && (full(limits) || nowNanos - oldestArrivalNanos >= limits.maxAge().toNanos());
    }

    /** Hands the buffered records out and starts afresh. */
    List<ArchivedRecord> drain() {
        List<ArchivedRecord> drained = records;
        records = new ArrayList<>();
        bytes = 0;
        return drained;
    }

    /** Forgets what is buffered and continues from the given offset (the archive moved on). */
    void restartAt(long offset) {
        drain();
        nextOffset = offset;
    }

    private ArchivedRecord convert(ConsumerRecord<byte[], byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new ArchivedRecord(partition, record.offset(), record.timestamp(), record.key(), headers, record.value());
    }

    private static long size(ArchivedRecord record) {
        long size = RECORD_OVERHEAD + (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Map.Entry<String, byte[]> header : record.headers().entrySet()) {
            size += header.getKey().length() + (header.getValue() == null ? 0 : header.getValue().length);
        }
        return size;
    }
}
