package dev.panorama.queryapi.support;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.EventMetadata;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.FtgoStory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A steady trickle of valid FTGO events (a {@link FtgoStory}, each aggregate's versions in order), published
 * as the outbox relay publishes them: keyed by aggregate id, with its routing headers. Each envelope is
 * stamped with the moment it is sent, so that the time lag measured on it is the real one.
 */
public final class EventTrickle implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Function<String, String> topicOfAggregateType;
    private final Iterator<DomainEvent> story;
    private final int eventsPerTick;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-trickle").factory());
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param topicOfAggregateType the event topic of an aggregate type ({@code order} → {@code <prefix>ftgo.order.events})
     * @param eventsPerTick events sent every {@code interval}; the story has events for some 20 minutes at 10 events per second
     */
    public EventTrickle(String bootstrapServers, Function<String, String> topicOfAggregateType, int eventsPerTick, Duration interval) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
            new StringSerializer(), new ByteArraySerializer());
        this.topicOfAggregateType = topicOfAggregateType;
        this.story = FtgoStory.generate(20261126L, 40, 10, 3_000).iterator();
        this.eventsPerTick = eventsPerTick;
        ticks.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            send();
        } catch (RuntimeException e) {
            // A scheduled task that throws is silently never run again: say why the trickle dried up.
            failure.compareAndSet(null, e);
        }
    }

    private void send() {
        for (int i = 0; i < eventsPerTick && story.hasNext() && failure.get() == null; i++) {
            DomainEvent event = story.next();
            EventMetadata metadata = event.metadata();
            byte[] envelope = EnvelopeJson.tree(event).put("occurredAt", Instant.now().toString()).toString().getBytes(StandardCharsets.UTF_8);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topicOfAggregateType.apply(metadata.aggregateType()), metadata.aggregateId(),
                envelope);
            record.headers().add("panorama-aggregate-type", metadata.aggregateType().getBytes(StandardCharsets.UTF_8))
                .add("panorama-aggregate-id", metadata.aggregateId().getBytes(StandardCharsets.UTF_8))
                .add("panorama-aggregate-version", Long.toString(metadata.aggregateVersion()).getBytes(StandardCharsets.UTF_8));
            producer.send(record, (sent, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    published.incrementAndGet();
                }
            });
        }
    }

    /** Events Kafka acknowledged so far. */
    public long published() {
        return published.get();
    }

    /** The first send that failed, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /** Stops sending; returns once every event sent so far is acknowledged. */
    public void stop() {
        ticks.shutdownNow();
        try {
            ticks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
    }

    @Override
    public void close() {
        stop();
        producer.close(Duration.ofSeconds(10));
    }
}
