package dev.panorama.servicetesting;

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

import static org.awaitility.Awaitility.await;

/** Reads a whole topic, every partition from the beginning, without a consumer group. */
public final class TopicRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaEngine kafka;
    private final String topic;

    public TopicRecords(KafkaEngine kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    public record Published(String key, JsonNode value, Map<String, String> headers) {
    }

    /** The records keyed by {@code key}, in partition order. */
    public List<Published> withKey(String key) {
        return all().stream().filter(record -> record.key().equals(key)).toList();
    }

    /** The records keyed by {@code key} once there are at least {@code count}, waiting for the relay up to 20 seconds. */
    public List<Published> awaitWithKey(String key, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> withKey(key), records -> records.size() >= count);
    }

    public List<Published> all() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Published> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new Published(record.key(), JSON.readTree(record.value()), headers));
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return records;
        }
    }
}
