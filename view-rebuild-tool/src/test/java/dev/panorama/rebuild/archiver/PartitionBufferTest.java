package dev.panorama.rebuild.archiver;

import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.PartitionId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionBufferTest {

    private static final PartitionId PARTITION = new PartitionId("ftgo.order.events", 2);
    private static final SegmentLimits LIMITS = new SegmentLimits(3, 1_000, Duration.ofSeconds(10));

    @Test
    void skipsRecordsBelowTheHighWaterMark() {
        PartitionBuffer buffer = new PartitionBuffer(PARTITION, 10);

        buffer.add(record(9, "old"), 0);
        buffer.add(record(10, "new"), 0);
        buffer.add(record(10, "redelivered"), 0);
        buffer.add(record(12, "after a gap"), 0);

        assertThat(buffer.drain()).extracting(ArchivedRecord::offset).containsExactly(10L, 12L);
    }

    @Test
    void keepsKeyHeadersAndValueAsTheyCame() {
        PartitionBuffer buffer = new PartitionBuffer(PARTITION, 0);
        buffer.add(record(0, "v"), 0);

        ArchivedRecord archived = buffer.drain().getFirst();

        assertThat(archived.partition()).isEqualTo(PARTITION);
        assertThat(archived.keyAsString()).isEqualTo("order-1");
        assertThat(archived.header("panorama-event-type")).isEqualTo("order.OrderApproved");
        assertThat(archived.value()).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
        assertThat(archived.timestamp()).isEqualTo(1_000);
    }

    @Test
    void isDueAtTheRecordLimit() {
        PartitionBuffer buffer = new PartitionBuffer(PARTITION, 0);
        buffer.add(record(0, "a"), 0);
        buffer.add(record(1, "b"), 0);
        assertThat(buffer.due(LIMITS, 0)).isFalse();

        buffer.add(record(2, "c"), 0);

        assertThat(buffer.full(LIMITS)).isTrue();
        assertThat(buffer.due(LIMITS, 0)).isTrue();
    }

    @Test
    void isDueAtTheByteLimit() {
        PartitionBuffer buffer = new PartitionBuffer(PARTITION, 0);

        buffer.add(record(0, "x".repeat(1_000)), 0);

        assertThat(buffer.full(LIMITS)).isTrue();
    }

    @Test
    void isDueWhenTheOldestRecordHasWaitedLongEnough() {
        PartitionBuffer buffer = new PartitionBuffer(PARTITION, 0);
        long start = 5_000_000_000L;
        buffer.add(record(0, "a"), start);
        buffer.add(record(1, "b"), start + Duration.ofSeconds(9).toNanos());

        assertThat(buffer.due(LIMITS, start + Duration.ofSeconds(9).toNanos())).isFalse();
        assertThat(buffer.due(LIMITS, start + Duration.ofSeconds(10).toNanos())).isTrue();
    }

    @Test
    void anEmptyBufferIsNeverDue() {
        assertThat(new PartitionBuffer(PARTITION, 0).due(LIMITS, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void restartsWhereTheArchiveStands() {
        PartitionBuffer buffer = new PartitionBuffer(PARTITION, 0);
        buffer.add(record(0, "a"), 0);
        buffer.add(record(1, "b"), 0);

        buffer.restartAt(1);
        buffer.add(record(0, "a"), 0);
        buffer.add(record(1, "b"), 0);

        assertThat(buffer.drain()).extracting(ArchivedRecord::offset).containsExactly(1L);
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("panorama-event-type", "order.OrderApproved".getBytes(StandardCharsets.UTF_8));
        byte[] key = "order-1".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, 1_000, TimestampType.CREATE_TIME,
            key.length, bytes.length, key, bytes, headers, Optional.empty());
    }
}
