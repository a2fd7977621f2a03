package dev.panorama.rebuild.archiver;

import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.PartitionId;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/** Reads topics directly, as the archive should hold them: committed records only, partition by partition. */
final class Topics {

    private final KafkaEngine kafka;

    Topics(KafkaEngine kafka) {
        this.kafka = kafka;
    }

    /** Every committed record of the topic, partition after partition, each in offset order. */
    List<ArchivedRecord> read(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<Integer, List<ArchivedRecord>> byPartition = new TreeMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    byPartition.computeIfAbsent(record.partition(), key -> new ArrayList<>()).add(archived(record));
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
            return byPartition.values().stream().flatMap(List::stream).toList();
        }
    }

    /**
     * Per partition, the offset after its last committed record: the archive's high-water mark once it holds them all.
     * Not the log's end offset, which counts a transaction marker written after the last record (a marker of a
     * transaction ended earlier may land after later records), and a marker is no record to archive.
     */
    Map<Integer, Long> endOffsets(String topic) {
        Map<Integer, Long> ends = new TreeMap<>();
        for (ArchivedRecord record : read(topic)) {
            ends.merge(record.partition().partition(), record.offset() + 1, Math::max);
        }
        return ends;
    }

    /** What the archive holds for the topic, in the same order as {@link #read}. */
    static List<ArchivedRecord> archived(ArchiveReader reader, String topic) {
        try (Stream<ArchivedRecord> records = reader.readTopic(topic)) {
            return records.toList();
        }
    }

    /** The archive's high-water marks, with 0 for partitions not archived yet. */
    static Map<Integer, Long> highWaterMarks(ArchiveReader reader, String topic, int partitions) {
        Map<Integer, Long> marks = new TreeMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            marks.put(partition, reader.highWaterMark(new PartitionId(topic, partition)));
        }
        return marks;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false
        ), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static ArchivedRecord archived(ConsumerRecord<byte[], byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new ArchivedRecord(new PartitionId(record.topic(), record.partition()), record.offset(), record.timestamp(),
            record.key(), headers, record.value());
    }
}
