package dev.panorama.queryapi.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import dev.panorama.views.adapter.kafka.Redrive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dead letters on the test stack's dead-letter topic, and what a redrive put back on the original topics. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** A dead letter as the view builder writes one: the original key, value and headers plus the reason and where it came from. */
    public static void publish(String key, String reason, String originalTopic) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(QueryApiStack.DEAD_LETTERS, key,
            ("{\"letter\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
        letter.headers().add("eventType", "order.OrderApproved".getBytes(StandardCharsets.UTF_8));
        letter.headers().add(Redrive.REASON, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(Redrive.ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("panorama-dlq-original-partition", "0".getBytes(StandardCharsets.UTF_8));
        letter.headers().add("panorama-dlq-original-offset", "0".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            QueryApiStack.ENGINES.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(letter);
        }
    }

    /** The records of {@code topic} that came back from the dead-letter topic, by key. */
    public static Map<String, ConsumerRecord<String, byte[]>> redriven(String topic) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, QueryApiStack.ENGINES.kafka().bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.headers().lastHeader("panorama-redriven-from") != null) {
                        found.put(record.key(), record);
                    }
                });
            }
        }
        return found;
    }
}
