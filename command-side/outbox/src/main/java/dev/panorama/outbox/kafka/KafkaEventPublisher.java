package dev.panorama.outbox.kafka;

import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.relay.EventPublisher;
import dev.panorama.outbox.relay.PendingEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Publishes events to Kafka: key = aggregate id, value = the envelope JSON, the envelope's fields also
 * as {@code panorama-*} headers (UTF-8). Per partition the idempotent producer keeps the order of sends
 * and writes a retried batch once. After any failure the producer is closed and the next batch gets a
 * fresh one, with new connections and a new producer id.
 */
public final class KafkaEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<? extends Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;

    /** @param producers makes a producer when one is needed, normally {@link #idempotentProducers(Map)} */
    public KafkaEventPublisher(Supplier<? extends Producer<String, byte[]>> producers) {
        this.producers = Objects.requireNonNull(producers, "producers");
    }

    /**
     * Producers with the settings the relay's guarantees rest on, whatever the given ones say:
     * idempotence (no duplicate and no reordering from the producer's own retries) and acknowledgement
     * by all in-sync replicas (an acknowledged event survives the loss of the partition leader).
     */
    public static Supplier<Producer<String, byte[]>> idempotentProducers(Map<String, Object> settings) {
        Map<String, Object> config = idempotentConfig(settings);
        return () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> idempotentConfig(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return Map.copyOf(config);
    }

    @Override
    public Set<Long> publish(List<PendingEvent> events) {
        Producer<String, byte[]> producer = producer();
        Map<Long, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        Set<String> refused = new HashSet<>();
        Exception failure = null;
        for (PendingEvent event : events) {
            if (refused.contains(event.aggregateKey())) {
                continue;
            }
            Future<RecordMetadata> result = send(producer, event);
            Exception immediate = immediateFailure(result);
            if (immediate == null) {
                sent.put(event.position(), result);
                continue;
            }
            failure = failure == null ? immediate : failure;
            if (immediate instanceof RetriableException) {
                // The broker or the topic is out of reach (no metadata, full buffer): every later send would wait as long.
                break;
            }
            refused.add(event.aggregateKey());
        }
        producer.flush();
        Set<Long> acknowledged = new HashSet<>();
        for (Map.Entry<Long, Future<RecordMetadata>> entry : sent.entrySet()) {
            Exception late = outcome(entry.getValue());
            if (late == null) {
                acknowledged.add(entry.getKey());
            } else {
                failure = failure == null ? late : failure;
            }
        }
        if (failure != null) {
            log.warn("Kafka acknowledged {} of {} events; first failure: {}", acknowledged.size(), events.size(), failure.toString());
            discardProducer();
        }
        return acknowledged;
    }

    private static Future<RecordMetadata> send(Producer<String, byte[]> producer, PendingEvent event) {
        try {
            return producer.send(record(event));
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ProducerRecord<String, byte[]> record(PendingEvent pending) {
        OutboxEvent event = pending.event();
        Headers headers = new RecordHeaders();
        header(headers, "panorama-event-id", event.eventId().toString());
        header(headers, "panorama-event-type", event.eventType());
        header(headers, "panorama-schema-version", Integer.toString(event.schemaVersion()));
        header(headers, "panorama-aggregate-type", event.aggregateType());
        header(headers, "panorama-aggregate-id", event.aggregateId());
        header(headers, "panorama-aggregate-version", Long.toString(event.aggregateVersion()));
        header(headers, "panorama-occurred-at", EnvelopeJson.occurredAt(event));
        header(headers, "panorama-correlation-id", event.correlationId());
        return new ProducerRecord<>(pending.topic(), null, event.aggregateId(), EnvelopeJson.of(event), headers);
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Exception immediateFailure(Future<RecordMetadata> result) {
        return result.isDone() ? outcome(result) : null;
    }

    /** Called once the send completed (after flush, or when it failed at once), so get() does not wait. */
    private static Exception outcome(Future<RecordMetadata> result) {
        try {
            result.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void discardProducer() {
        Producer<String, byte[]> failed = producer;
        producer = null;
        // Nothing of it is waited for: every event it still holds is unacknowledged and will be resent.
        failed.close(Duration.ZERO);
    }

    @Override
    public void close() {
        if (producer != null) {
            // publish() returns with nothing in flight; the bound only matters after an interrupted flush.
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }
}
