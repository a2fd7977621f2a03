package dev.panorama.outbox.bench;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.outbox.OutboxDatabase;
import dev.panorama.outbox.TopicResolver;
import dev.panorama.outbox.jdbc.JdbcOutbox;
import dev.panorama.outbox.jdbc.NotifyChannel;
import dev.panorama.outbox.jdbc.PostgresOutboxFeed;
import dev.panorama.outbox.kafka.KafkaEventPublisher;
import dev.panorama.outbox.relay.OutboxMetrics;
import dev.panorama.outbox.relay.OutboxRelay;
import dev.panorama.outbox.relay.RelaySettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;

/**
 * Measures the relay against the devstack engines: how fast it drains a backlog, and the latency from
 * insert to published while a service writes steadily. Run by {@code bench/relay-benchmark.sh}.
 */
public final class RelayBenchmark {

    private static final int AGGREGATES = 100;
    private static final int EVENTS_PER_TRANSACTION = 10;

    private RelayBenchmark() {
    }

    public static void main(String[] args) {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int steady = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Engines engines = Engines.shared();
        TestNamespace namespace = TestNamespace.forClass(RelayBenchmark.class);
        OutboxDatabase database = OutboxDatabase.create(engines.postgres(), namespace.database("bench"));
        String topic = namespace.topic("ftgo.order.events");
        engines.kafka().createTopic(topic, 3);
        JdbcOutbox outbox = new JdbcOutbox(database.dataSource(), TopicResolver.of(Map.of("order", topic)), NotifyChannel.DEFAULT);

        long appendStart = System.nanoTime();
        appendRounds(database, outbox, 1, backlog / AGGREGATES);
        report("append (10 events per transaction, 1 writer)", backlog, System.nanoTime() - appendStart);

        OutboxRelay relay = new OutboxRelay(
            new PostgresOutboxFeed(database.dataSource(), NotifyChannel.DEFAULT),
            new KafkaEventPublisher(KafkaEventPublisher.idempotentProducers(Map.of("bootstrap.servers", engines.kafka().bootstrapServers(), "linger.ms", 5))),
            RelaySettings.defaults(), OutboxMetrics.NONE);
        long drainStart = System.nanoTime();
        relay.start();
        awaitNothingUnpublished(database);
        report("relay drains the backlog (batch 500)", backlog, System.nanoTime() - drainStart);

        long steadyFrom = database.queryLong("select coalesce(max(position), 0) from outbox");
        int rounds = steady / AGGREGATES;
        long pause = TimeUnit.MILLISECONDS.toNanos(200);
        for (int round = 1; round <= rounds; round++) {
            appendRounds(database, outbox, backlog / AGGREGATES + round, backlog / AGGREGATES + round);
            LockSupport.parkNanos(pause);
        }
        awaitNothingUnpublished(database);
        latencies(database, steadyFrom, rounds * AGGREGATES);
        relay.close();
        System.exit(0);
    }

    /** Every aggregate gets versions {@code from} to {@code to}, ten events per transaction, on one connection as from a pool. */
    private static void appendRounds(OutboxDatabase database, JdbcOutbox outbox, int from, int to) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (int version = from; version <= to; version++) {
                for (int first = 0; first < AGGREGATES; first += EVENTS_PER_TRANSACTION) {
                    for (int aggregate = first; aggregate < first + EVENTS_PER_TRANSACTION; aggregate++) {
                        outbox.append(connection, orderEvent("order-" + aggregate, version));
                    }
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitNothingUnpublished(OutboxDatabase database) {
        while (database.count("published_at is null") > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static void latencies(OutboxDatabase database, long afterPosition, int events) {
        String sql = """
            select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms)
            from (select extract(epoch from published_at - created_at) * 1000 as ms from outbox where position > %d) latencies
            """.formatted(afterPosition);
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            System.out.printf(Locale.ROOT, "steady writes (%d events in transactions of 10, bursts of 100 every 200 ms):"
                + " insert to published p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", events, result.getDouble(1), result.getDouble(2), result.getDouble(3));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, int events, long nanos) {
        Duration took = Duration.ofNanos(nanos);
        System.out.printf(Locale.ROOT, "%s: %d events in %.2f s, %.0f events/s%n",
            what, events, took.toMillis() / 1000.0, events / (took.toNanos() / 1e9));
    }
}
