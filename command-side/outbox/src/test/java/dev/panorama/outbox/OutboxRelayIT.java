package dev.panorama.outbox;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.outbox.TopicReader.Published;
import dev.panorama.outbox.jdbc.JdbcOutbox;
import dev.panorama.outbox.jdbc.NotifyChannel;
import dev.panorama.outbox.jdbc.PostgresOutboxFeed;
import dev.panorama.outbox.kafka.KafkaEventPublisher;
import dev.panorama.outbox.relay.Backlog;
import dev.panorama.outbox.relay.EventPublisher;
import dev.panorama.outbox.relay.OutboxFeed;
import dev.panorama.outbox.relay.OutboxRelay;
import dev.panorama.outbox.relay.PendingEvent;
import dev.panorama.outbox.relay.RecordingMetrics;
import dev.panorama.outbox.relay.RelaySettings;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static dev.panorama.outbox.OutboxEventBuilder.anEvent;
import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;
import static dev.panorama.outbox.TopicReader.versionsByAggregate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against a real PostgreSQL and a real Kafka broker: what a reader of the topic sees. */
@RealEngines
class OutboxRelayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final NotifyChannel CHANNEL = NotifyChannel.DEFAULT;
    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(15);
    private static final RelaySettings SETTINGS = RelaySettings.defaults()
        .withPollInterval(Duration.ofSeconds(1))
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .withBacklogInterval(Duration.ofMillis(100));

    private final List<OutboxRelay> relays = new ArrayList<>();
    private final RecordingMetrics metrics = new RecordingMetrics();

    @AfterEach
    void closeRelays() {
        relays.forEach(OutboxRelay::close);
    }

    @Test
    void publishesCommittedEventsKeyedByAggregateWithEnvelopeAndHeadersInOrder(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) {
        String topic = topic(kafka, namespace, "committed", 3);
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("committed"));
        JdbcOutbox outbox = outbox(database, topic);
        OutboxEvent first = anEvent().aggregate("order", "order-a").version(1).eventType("order.OrderCreated")
            .causationId("command-1").occurredAt(Instant.parse("2026-11-08T19:00:00.123456Z")).build();
        database.commit(connection -> {
            outbox.append(connection, first);
            outbox.append(connection, orderEvent("order-b", 1));
        });
        database.commit(connection -> outbox.append(connection, orderEvent("order-a", 2)));
        database.commit(connection -> {
            outbox.append(connection, orderEvent("order-b", 2));
            outbox.append(connection, orderEvent("order-a", 3));
        });

        start(relay(database, kafkaPublisher(kafka), SETTINGS));

        List<Published> records = new TopicReader(kafka, topic).awaitAtLeast(5);
        assertThat(records).hasSize(5);
        assertThat(versionsByAggregate(records)).containsOnly(
            Map.entry("order-a", List.of(1L, 2L, 3L)),
            Map.entry("order-b", List.of(1L, 2L)));
        Published created = records.stream().filter(record -> record.eventId().equals(first.eventId().toString())).findFirst().orElseThrow();
        assertThat(created.value()).isEqualTo(expectedEnvelope(first));
        assertThat(created.headers()).containsExactly(
            Map.entry("panorama-event-id", first.eventId().toString()),
            Map.entry("panorama-event-type", "order.OrderCreated"),
            Map.entry("panorama-schema-version", "1"),
            Map.entry("panorama-aggregate-type", "order"),
            Map.entry("panorama-aggregate-id", "order-a"),
            Map.entry("panorama-aggregate-version", "1"),
            Map.entry("panorama-occurred-at", "2026-11-08T19:00:00.123456Z"),
            Map.entry("panorama-correlation-id", first.correlationId()));
        await().atMost(PUBLISHED_WITHIN).until(() -> database.count("published_at is null") == 0);
    }

    @Test
    void publishesNothingOfARolledBackTransaction(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) {
        String topic = topic(kafka, namespace, "rollback", 1);
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("rollback"));
        JdbcOutbox outbox = outbox(database, topic);
        start(relay(database, kafkaPublisher(kafka), SETTINGS));
        OutboxEvent committed = orderEvent("order-a", 1);

        database.rollBack(connection -> outbox.append(connection, orderEvent("order-rolled-back", 1)));
        database.commit(connection -> outbox.append(connection, committed));

        await().atMost(PUBLISHED_WITHIN).until(() -> database.count("published_at is not null") == 1);
        assertThat(new TopicReader(kafka, topic).all())
            .as("one partition: a rolled-back event published would come before the committed one")
            .extracting(Published::eventId).containsExactly(committed.eventId().toString());
        assertThat(database.count("true")).isEqualTo(1);
    }

    @Test
    void publishesAgainWhatARelayLostBetweenSendAndMarkKeepingEachAggregatesOrder(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) {
        String topic = topic(kafka, namespace, "crash", 2);
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("crash"));
        JdbcOutbox outbox = outbox(database, topic);
        database.commit(connection -> {
            for (int version = 1; version <= 3; version++) {
                outbox.append(connection, orderEvent("order-a", version));
                outbox.append(connection, orderEvent("order-b", version));
            }
        });
        OutboxFeed feed = new SessionLostBeforeFirstMark(new PostgresOutboxFeed(database.dataSource(), CHANNEL));

        start(new OutboxRelay(feed, kafkaPublisher(kafka), SETTINGS, metrics));

        await().atMost(PUBLISHED_WITHIN).until(() -> database.count("published_at is null") == 0);
        List<Published> records = new TopicReader(kafka, topic).all();
        assertThat(records).as("every event twice: sent, lost before the mark, sent again").hasSize(12);
        assertThat(records.stream().map(Published::eventId).distinct()).hasSize(6);
        assertThat(versionsByAggregate(records)).containsOnly(
            Map.entry("order-a", List.of(1L, 2L, 3L, 1L, 2L, 3L)),
            Map.entry("order-b", List.of(1L, 2L, 3L, 1L, 2L, 3L)));
    }

    @Test
    void twoRelaysPublishEveryEventOnceInOrderAndTheStandbyTakesOverWhenTheLeaderStops(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) {
        String topic = topic(kafka, namespace, "two", 3);
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("two"));
        JdbcOutbox outbox = outbox(database, topic);
        OutboxRelay first = start(relay(database, kafkaPublisher(kafka), SETTINGS));
        await().atMost(PUBLISHED_WITHIN).until(first::isLeading);
        OutboxRelay second = start(relay(database, kafkaPublisher(kafka), SETTINGS));

        appendVersions(database, outbox, 1, 10);
        await().atMost(PUBLISHED_WITHIN).until(() -> database.count("published_at is null") == 0);
        assertThat(second.isLeading()).isFalse();

        first.close();
        appendVersions(database, outbox, 11, 15);
        await().atMost(PUBLISHED_WITHIN).until(() -> database.count("published_at is null") == 0);
        assertThat(second.isLeading()).isTrue();

        List<Published> records = new TopicReader(kafka, topic).all();
        assertThat(records).as("each of 5 aggregates x 15 versions exactly once").hasSize(75);
        assertThat(records.stream().map(Published::eventId).distinct()).hasSize(75);
        List<Long> versions = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(versionsByAggregate(records)).hasSize(5).allSatisfy((aggregate, seen) -> assertThat(seen).isEqualTo(versions));
    }

    @Test
    void keepsABacklogWhileKafkaIsOutOfReachAndDrainsItWhenKafkaIsBack(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) throws IOException {
        String topic = topic(kafka, namespace, "outage", 2);
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("outage"));
        JdbcOutbox outbox = outbox(database, topic);
        // The shared broker cannot be stopped, so the outage is a producer whose bootstrap address is a
        // port nothing listens on: it sees what a producer sees when no broker answers (no metadata, the
        // send times out). "Kafka is back" means the next producer the relay makes gets the broker's address.
        AtomicBoolean kafkaReachable = new AtomicBoolean(false);
        String nowhere = "127.0.0.1:" + unusedPort();
        KafkaEventPublisher publisher = new KafkaEventPublisher(() -> KafkaEventPublisher.idempotentProducers(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaReachable.get() ? kafka.bootstrapServers() : nowhere,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 200)).get());
        start(relay(database, publisher, SETTINGS));

        appendVersions(database, outbox, 1, 4);
        await().atMost(PUBLISHED_WITHIN).until(() -> backlog() == 20);
        appendVersions(database, outbox, 5, 6);
        await().atMost(PUBLISHED_WITHIN).until(() -> backlog() == 30);
        assertThat(metrics.failed()).isPositive();
        assertThat(metrics.lastBacklog().oldestAge()).isPositive();
        assertThat(database.count("published_at is null")).isEqualTo(30);

        kafkaReachable.set(true);

        await().atMost(PUBLISHED_WITHIN).until(() -> database.count("published_at is null") == 0);
        List<Published> records = new TopicReader(kafka, topic).all();
        assertThat(records).hasSize(30);
        assertThat(versionsByAggregate(records)).hasSize(5)
            .allSatisfy((aggregate, seen) -> assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L));
        await().atMost(PUBLISHED_WITHIN).until(() -> backlog() == 0);
    }

    @Test
    void aNotificationWakesTheRelayLongBeforeThePollInterval(PostgresEngine postgres, KafkaEngine kafka, TestNamespace namespace) {
        String topic = topic(kafka, namespace, "notify", 1);
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("notify"));
        JdbcOutbox outbox = outbox(database, topic);
        OutboxRelay relay = start(relay(database, kafkaPublisher(kafka), SETTINGS.withPollInterval(Duration.ofSeconds(60))));
        await().atMost(PUBLISHED_WITHIN).until(relay::isLeading);
        // Published once before, so the producer and its metadata are ready: what is timed below is the wake-up.
        database.commit(connection -> outbox.append(connection, orderEvent("order-warm-up", 1)));
        await().atMost(PUBLISHED_WITHIN).until(() -> database.count("published_at is null") == 0);

        database.commit(connection -> outbox.append(connection, orderEvent("order-a", 1)));

        await().atMost(Duration.ofSeconds(2)).until(() -> database.count("published_at is null") == 0);
        assertThat(database.queryLong("select max(extract(epoch from published_at - created_at) * 1000)::bigint from outbox"))
            .as("milliseconds from the insert to the mark, by the database's clock").isLessThan(1000);
        assertThat(new TopicReader(kafka, topic).all()).hasSize(2);
    }

    private long backlog() {
        Backlog backlog = metrics.lastBacklog();
        return backlog == null ? -1 : backlog.events();
    }

    /** Five order aggregates, versions {@code from} to {@code to}, one transaction per version round. */
    private static void appendVersions(OutboxDatabase database, JdbcOutbox outbox, int from, int to) {
        for (int version = from; version <= to; version++) {
            long aggregateVersion = version;
            database.commit(connection -> {
                for (int aggregate = 1; aggregate <= 5; aggregate++) {
                    outbox.append(connection, orderEvent("order-" + aggregate, aggregateVersion));
                }
            });
        }
    }

    private static String topic(KafkaEngine kafka, TestNamespace namespace, String name, int partitions) {
        String topic = namespace.topic(name);
        kafka.createTopic(topic, partitions);
        return topic;
    }

    private static JdbcOutbox outbox(OutboxDatabase database, String topic) {
        return new JdbcOutbox(database.dataSource(), TopicResolver.of(Map.of("order", topic)), CHANNEL);
    }

    private static KafkaEventPublisher kafkaPublisher(KafkaEngine kafka) {
        Supplier<Producer<String, byte[]>> producers = KafkaEventPublisher.idempotentProducers(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        return new KafkaEventPublisher(producers);
    }

    private OutboxRelay relay(OutboxDatabase database, EventPublisher publisher, RelaySettings settings) {
        return new OutboxRelay(new PostgresOutboxFeed(database.dataSource(), CHANNEL), publisher, settings, metrics);
    }

    private OutboxRelay start(OutboxRelay relay) {
        relays.add(relay);
        relay.start();
        return relay;
    }

    private static JsonNode expectedEnvelope(OutboxEvent event) {
        return JSON.readTree("""
            {
              "eventId": "%s",
              "eventType": "order.OrderCreated",
              "schemaVersion": 1,
              "aggregateType": "order",
              "aggregateId": "order-a",
              "aggregateVersion": 1,
              "occurredAt": "2026-11-08T19:00:00.123456Z",
              "correlationId": "%s",
              "causationId": "command-1",
              "payload": {"orderId": "order-a", "revision": 1}
            }
            """.formatted(event.eventId(), event.correlationId()));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A relay process dying between the broker's acknowledgement and the mark, as far as the outbox can
     * tell: the first mark never reaches the database, and the session ends, releasing the lock.
     */
    private static final class SessionLostBeforeFirstMark implements OutboxFeed {

        private final OutboxFeed delegate;
        private final AtomicBoolean lost = new AtomicBoolean();

        SessionLostBeforeFirstMark(OutboxFeed delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Duration> markPublished(Collection<Long> positions) {
            if (lost.compareAndSet(false, true)) {
                delegate.close();
                throw new OutboxException("session lost before the mark (simulated)", null);
            }
            return delegate.markPublished(positions);
        }

        @Override
        public boolean lead() {
            return delegate.lead();
        }

        @Override
        public List<PendingEvent> unpublished(int limit) {
            return delegate.unpublished(limit);
        }

        @Override
        public Backlog backlog() {
            return delegate.backlog();
        }

        @Override
        public int purgePublishedOlderThan(Duration retention) {
            return delegate.purgePublishedOlderThan(retention);
        }

        @Override
        public boolean awaitAppended(Duration timeout) {
            return delegate.awaitAppended(timeout);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
