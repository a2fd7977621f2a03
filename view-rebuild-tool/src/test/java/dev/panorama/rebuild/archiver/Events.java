package dev.panorama.rebuild.archiver;

import dev.panorama.devstack.kafka.KafkaEngine;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Produces events the way the outbox relay does: key = aggregate id, value = the envelope JSON, the
 * envelope's fields as {@code panorama-*} headers; plainly (idempotent) or in transactions.
 */
final class Events implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong sequence = new AtomicLong();

    private Events(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    static Events idempotent(KafkaEngine kafka) {
        return new Events(new KafkaProducer<>(config(kafka), new StringSerializer(), new ByteArraySerializer()));
    }

    static Events transactional(KafkaEngine kafka, String transactionalId) {
        Map<String, Object> config = config(kafka);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return new Events(producer);
    }

    private static Map<String, Object> config(KafkaEngine kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    /** Sends {@code count} order events spread over aggregates (so over partitions), then waits for the acknowledgements. */
    void send(String topic, int count) {
        for (int i = 0; i < count; i++) {
            producer.send(event(topic));
        }
        producer.flush();
    }

    /** Sends {@code count} events in one transaction, committed or aborted. */
    void sendInTransaction(String topic, int count, boolean commit) {
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            producer.send(event(topic));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** A record that is not an event at all: a key and value that are not UTF-8, and no headers. */
    void sendPoison(String topic, int partition) {
        producer.send(new ProducerRecord<>(topic, partition, null, null, new byte[] {(byte) 0xFF, 0, (byte) 0xC3, '{'}));
        producer.flush();
    }

    private ProducerRecord<String, byte[]> event(String topic) {
        long n = sequence.incrementAndGet();
        String aggregateId = "order-" + (n % 23);
        String eventId = UUID.randomUUID().toString();
        String occurredAt = Instant.now().toString();
        String envelope = """
            {"eventId":"%s","eventType":"order.OrderApproved","schemaVersion":1,"aggregateType":"order","aggregateId":"%s",\
            "aggregateVersion":%d,"occurredAt":"%s","correlationId":"corr-%d","payload":{"orderId":"%s"}}"""
            .formatted(eventId, aggregateId, n, occurredAt, n, aggregateId);
        RecordHeaders headers = new RecordHeaders();
        header(headers, "panorama-event-id", eventId);
        header(headers, "panorama-event-type", "order.OrderApproved");
        header(headers, "panorama-schema-version", "1");
        header(headers, "panorama-aggregate-type", "order");
        header(headers, "panorama-aggregate-id", aggregateId);
        header(headers, "panorama-aggregate-version", Long.toString(n));
        header(headers, "panorama-occurred-at", occurredAt);
        header(headers, "panorama-correlation-id", "corr-" + n);
        return new ProducerRecord<>(topic, null, aggregateId, envelope.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
