package dev.panorama.outbox.kafka;

import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.relay.PendingEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static dev.panorama.outbox.OutboxEventBuilder.anEvent;
import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;
import static org.assertj.core.api.Assertions.assertThat;

class KafkaEventPublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, RuntimeException> refuseAtOnce = new HashMap<>();
    private final Map<String, RuntimeException> refuseLater = new HashMap<>();
    private final List<ScriptedProducer> producers = new ArrayList<>();
    private final KafkaEventPublisher publisher = new KafkaEventPublisher(() -> {
        ScriptedProducer producer = new ScriptedProducer();
        producers.add(producer);
        return producer;
    });

    @Test
    void sendsKeyedByAggregateIdWithTheEnvelopeAsValueAndItsFieldsAsHeaders() {
        OutboxEvent event = anEvent().aggregate("order", "o-1").version(3).eventType("order.OrderApproved")
            .occurredAt(Instant.parse("2026-11-08T19:00:00.5Z")).build();

        assertThat(publisher.publish(List.of(new PendingEvent(7, "ftgo.order.events", event)))).containsExactly(7L);

        ProducerRecord<String, byte[]> record = producers.getFirst().history().getFirst();
        assertThat(record.topic()).isEqualTo("ftgo.order.events");
        assertThat(record.key()).isEqualTo("o-1");
        assertThat(JSON.readTree(record.value())).isEqualTo(JSON.readTree(EnvelopeJson.of(event)));
        assertThat(headers(record)).containsExactly(
            Map.entry("panorama-event-id", event.eventId().toString()),
            Map.entry("panorama-event-type", "order.OrderApproved"),
            Map.entry("panorama-schema-version", "1"),
            Map.entry("panorama-aggregate-type", "order"),
            Map.entry("panorama-aggregate-id", "o-1"),
            Map.entry("panorama-aggregate-version", "3"),
            Map.entry("panorama-occurred-at", "2026-11-08T19:00:00.500Z"),
            Map.entry("panorama-correlation-id", event.correlationId()));
    }

    @Test
    void sendsNoFurtherEventOfAnAggregateOnceOneIsRefused() {
        refuseAtOnce.put("a:2", new RecordTooLargeException("too large (simulated)"));

        var acknowledged = publisher.publish(batch("a:1", "a:2", "b:1", "a:3", "b:2"));

        assertThat(acknowledged).containsExactlyInAnyOrder(1L, 3L, 5L);
        assertThat(sentKeys(producers.getFirst())).containsExactly("a:1", "b:1", "b:2");
    }

    @Test
    void stopsTheBatchWhenTheBrokerIsOutOfReach() {
        refuseAtOnce.put("b:1", new TimeoutException("no metadata (simulated)"));

        var acknowledged = publisher.publish(batch("a:1", "b:1", "c:1", "a:2"));

        assertThat(acknowledged).containsExactly(1L);
        assertThat(sentKeys(producers.getFirst())).containsExactly("a:1");
    }

    @Test
    void reportsEventsTheBrokerRefusedAfterTheSendAsUnacknowledged() {
        refuseLater.put("a:2", new TimeoutException("delivery timed out (simulated)"));

        assertThat(publisher.publish(batch("a:1", "a:2", "b:1"))).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void replacesItsProducerAfterAFailureAndKeepsItOtherwise() {
        publisher.publish(batch("a:1"));
        publisher.publish(batch("a:2"));
        assertThat(producers).hasSize(1);

        refuseLater.put("a:3", new TimeoutException("delivery timed out (simulated)"));
        publisher.publish(batch("a:3"));
        publisher.publish(batch("a:4"));

        assertThat(producers).hasSize(2);
        assertThat(producers.getFirst().closed()).isTrue();
        assertThat(sentKeys(producers.get(1))).containsExactly("a:4");
    }

    @Test
    void closesItsProducer() {
        publisher.publish(batch("a:1"));

        publisher.close();

        assertThat(producers.getFirst().closed()).isTrue();
    }

    @Test
    void idempotenceAndFullAcknowledgementCannotBeConfiguredAway() {
        Map<String, Object> config = KafkaEventPublisher.idempotentConfig(Map.of(
            "bootstrap.servers", "127.0.0.1:9092", "enable.idempotence", false, "acks", "1", "linger.ms", 5));

        assertThat(config).containsOnly(
            Map.entry("bootstrap.servers", "127.0.0.1:9092"),
            Map.entry("enable.idempotence", true),
            Map.entry("acks", "all"),
            Map.entry("linger.ms", 5));
    }

    /** Events "aggregate:version" of orders, at positions 1, 2, 3... */
    private static List<PendingEvent> batch(String... events) {
        List<PendingEvent> batch = new ArrayList<>();
        for (String event : events) {
            String[] parts = event.split(":");
            batch.add(new PendingEvent(batch.size() + 1, "ftgo.order.events", orderEvent(parts[0], Long.parseLong(parts[1]))));
        }
        return batch;
    }

    private static List<String> sentKeys(ScriptedProducer producer) {
        return producer.history().stream().map(KafkaEventPublisherTest::keyOf).toList();
    }

    private static String keyOf(ProducerRecord<String, byte[]> record) {
        return record.key() + ":" + JSON.readTree(record.value()).get("aggregateVersion").asLong();
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /**
     * A producer that refuses chosen events ("aggregate:version") either at once, as the real one does
     * for an oversized record or missing metadata, or when flushed, as for a delivery timeout.
     */
    private final class ScriptedProducer extends MockProducer<String, byte[]> {

        private final List<String> pending = new ArrayList<>();

        ScriptedProducer() {
            super(false, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            RuntimeException refusal = refuseAtOnce.remove(keyOf(record));
            if (refusal != null) {
                return CompletableFuture.failedFuture(refusal);
            }
            pending.add(keyOf(record));
            return super.send(record);
        }

        @Override
        public synchronized void flush() {
            for (String key : pending) {
                RuntimeException refusal = refuseLater.remove(key);
                if (refusal == null) {
                    completeNext();
                } else {
                    errorNext(refusal);
                }
            }
            pending.clear();
        }
    }
}
