package dev.panorama.outbox.jdbc;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.outbox.OutboxDatabase;
import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.OutboxException;
import dev.panorama.outbox.TopicResolver;
import dev.panorama.outbox.relay.Backlog;
import dev.panorama.outbox.relay.PendingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@RealEngines
class PostgresOutboxFeedIT {

    private static final NotifyChannel CHANNEL = NotifyChannel.DEFAULT;

    @Test
    void letsOneFeedLeadUntilItCloses(PostgresEngine postgres, TestNamespace namespace) {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("lead"));
        try (PostgresOutboxFeed first = feed(database); PostgresOutboxFeed second = feed(database)) {
            assertThat(first.lead()).isTrue();
            assertThat(second.lead()).isFalse();
            assertThatIllegalStateException().isThrownBy(() -> second.unpublished(10));

            first.close();

            await().atMost(Duration.ofSeconds(5)).until(second::lead);
        }
    }

    @Test
    void readsUnpublishedEventsInPositionOrderAndMarksThem(PostgresEngine postgres, TestNamespace namespace) {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("read"));
        OutboxEvent a1 = orderEvent("order-a", 1);
        OutboxEvent b1 = orderEvent("order-b", 1);
        OutboxEvent a2 = orderEvent("order-a", 2);
        append(database, a1, b1, a2);
        try (PostgresOutboxFeed feed = feed(database)) {
            assertThat(feed.lead()).isTrue();

            List<PendingEvent> pending = feed.unpublished(10);
            assertThat(pending).extracting(PendingEvent::event).containsExactly(a1, b1, a2);
            assertThat(pending).extracting(PendingEvent::topic).containsOnly("ftgo.order.events");
            assertThat(feed.backlog().events()).isEqualTo(3);

            List<Duration> latencies = feed.markPublished(List.of(pending.get(0).position(), pending.get(1).position()));

            assertThat(latencies).hasSize(2).allSatisfy(latency -> assertThat(latency).isPositive());
            assertThat(feed.unpublished(10)).extracting(PendingEvent::event).containsExactly(a2);
            Backlog backlog = feed.backlog();
            assertThat(backlog.events()).isEqualTo(1);
            assertThat(backlog.oldestAge()).isPositive();
        }
    }

    @Test
    void purgesOnlyPublishedEventsOlderThanTheRetention(PostgresEngine postgres, TestNamespace namespace) {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("purge"));
        OutboxEvent publishedLongAgo = orderEvent("order-a", 1);
        OutboxEvent publishedRecently = orderEvent("order-a", 2);
        OutboxEvent writtenLongAgoUnpublished = orderEvent("order-b", 1);
        append(database, publishedLongAgo, publishedRecently, writtenLongAgoUnpublished);
        database.execute("update outbox set published_at = now() - interval '2 hours' where event_id = '" + publishedLongAgo.eventId() + "'");
        database.execute("update outbox set published_at = now() - interval '10 minutes' where event_id = '" + publishedRecently.eventId() + "'");
        database.execute("update outbox set created_at = now() - interval '3 hours' where event_id = '" + writtenLongAgoUnpublished.eventId() + "'");

        try (PostgresOutboxFeed feed = feed(database)) {
            assertThat(feed.lead()).isTrue();
            assertThat(feed.purgePublishedOlderThan(Duration.ofHours(1))).isEqualTo(1);
        }

        assertThat(database.count("event_id = '" + publishedLongAgo.eventId() + "'")).isZero();
        assertThat(database.count("event_id = '" + publishedRecently.eventId() + "'")).isEqualTo(1);
        assertThat(database.count("event_id = '" + writtenLongAgoUnpublished.eventId() + "'")).isEqualTo(1);
    }

    @Test
    void noticesTheLossOfItsSessionAndComesBackWithAFreshOne(PostgresEngine postgres, TestNamespace namespace) {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("lost"));
        try (PostgresOutboxFeed feed = feed(database)) {
            assertThat(feed.lead()).isTrue();

            database.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                + " where datname = current_database() and pid <> pg_backend_pid()");

            assertThatThrownBy(() -> feed.awaitAppended(Duration.ofSeconds(5))).isInstanceOf(OutboxException.class);
            assertThatIllegalStateException().as("no longer leading").isThrownBy(() -> feed.unpublished(10));
            await().atMost(Duration.ofSeconds(5)).until(feed::lead);
            append(database, orderEvent("order-a", 1));
            assertThat(feed.awaitAppended(Duration.ofSeconds(5))).as("listening again").isTrue();
        }
    }

    private static PostgresOutboxFeed feed(OutboxDatabase database) {
        return new PostgresOutboxFeed(database.dataSource(), CHANNEL);
    }

    private static void append(OutboxDatabase database, OutboxEvent... events) {
        JdbcOutbox outbox = new JdbcOutbox(database.dataSource(), TopicResolver.of(Map.of("order", "ftgo.order.events")), CHANNEL);
        database.commit(connection -> {
            for (OutboxEvent event : events) {
                outbox.append(connection, event);
            }
        });
    }
}
