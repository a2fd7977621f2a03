package dev.panorama.devstack.kafka;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealEngines
class KafkaEngineIT {

    @Test
    void readCommittedConsumerSeesCommittedTransactionsOnlyAndInOrder(KafkaEngine kafka, TestNamespace namespace) {
        String topic = namespace.topic("orders");
        kafka.createTopic(topic, 2);

        try (KafkaProducer<String, String> producer = transactionalProducer(kafka, namespace.prefix() + "-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "order-1", "created"));
            producer.send(new ProducerRecord<>(topic, "order-1", "approved"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "order-1", "rolled-back"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "order-1", "delivered"));
            producer.commitTransaction();
        }

        assertThat(readAll(kafka, topic, namespace.group("committed"), "read_committed", 3))
            .containsExactly("created", "approved", "delivered");
        assertThat(readAll(kafka, topic, namespace.group("uncommitted"), "read_uncommitted", 4))
            .as("the aborted record is in the log, invisible only to read_committed readers")
            .containsExactly("created", "approved", "rolled-back", "delivered");
    }

    private static KafkaProducer<String, String> transactionalProducer(KafkaEngine kafka, String transactionalId) {
        return new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all"
        ), new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(KafkaEngine kafka, String topic, String group, String isolation, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation
        ), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
