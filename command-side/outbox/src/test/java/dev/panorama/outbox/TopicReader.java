package dev.panorama.outbox;

import dev.panorama.devstack.kafka.KafkaEngine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/** Reads a whole topic from the beginning, every partition, without a consumer group. */
public final class TopicReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaEngine kafka;
    private final String topic;

    public TopicReader(KafkaEngine kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** One record as a reader sees it. */
    public record Published(String key, JsonNode value, Map<String, String> headers, int partition) {

        public String eventId() {
            return value.get("eventId").asString();
        }

        public long aggregateVersion() {
            return value.get("aggregateVersion").asLong();
        }
    }

    /** Everything in the topic up to its current end. */
    public List<Published> all() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Published> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(published(record));
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return records;
        }
    }

    /** Waits until the topic holds at least {@code count} records, then returns all of them. */
    public List<Published> awaitAtLeast(int count) {
        AtomicReference<List<Published>> read = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            read.set(all());
            return read.get().size() >= count;
        });
        return read.get();
    }

    /** Per record key (aggregate id), the aggregate versions in the order a reader of the partition sees them. */
    public static Map<String, List<Long>> versionsByAggregate(List<Published> records) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        for (Published record : records) {
            versions.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.aggregateVersion());
        }
        return versions;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false
        ), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Published published(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Published(record.key(), JSON.readTree(record.value()), headers, record.partition());
    }
}
