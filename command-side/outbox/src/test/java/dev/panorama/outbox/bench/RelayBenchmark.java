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
 * insert to published while a service writes steadily — woken by LISTEN/NOTIFY, and, as the baseline in
 * the same run, by polling alone. Run by {@code bench/relay-benchmark.sh}.
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
        String topic = namespace.topic("ftgo.order.events");
        engines.kafka().createTopic(topic, 3);
        Map<String, Object> producer = Map.of("bootstrap.servers", engines.kafka().bootstrapServers(), "linger.ms", 5);

        OutboxDatabase database = OutboxDatabase.create(engines.postgres(), namespace.database("bench"));
        JdbcOutbox outbox = new JdbcOutbox(database.dataSource(), TopicResolver.of(Map.of("order", topic)), NotifyChannel.DEFAULT);
        long appendStart = System.nanoTime();
        appendRounds(database, outbox, 1, backlog / AGGREGATES);
        report("append (10 events per transaction, 1 writer)", backlog, System.nanoTime() - appendStart);

        OutboxRelay relay = relay(database, NotifyChannel.DEFAULT, RelaySettings.defaults(), producer);
        long drainStart = System.nanoTime();
        relay.start();
        awaitNothingUnpublished(database);
        report("relay drains the backlog (batch 500)", backlog, System.nanoTime() - drainStart);
        Percentiles notified = steadyWrites(database, outbox, backlog / AGGREGATES, steady);
        relay.close();
        notified.print("LISTEN/NOTIFY (poll every 10 s as the safety net)", steady);

        // The baseline: writers notify a channel no relay listens on, so only the poll finds their rows.
        Percentiles polled = pollingOnly(engines, namespace, topic, producer, steady, Duration.ofMillis(100));
        polled.print("polling only, every 100 ms", steady);
        System.out.printf(Locale.ROOT, "LISTEN/NOTIFY vs polling every 100 ms: p50 %.1f× lower, p99 %.1f× lower%n",
            polled.p50() / notified.p50(), polled.p99() / notified.p99());
        System.exit(0);
    }

    private static Percentiles pollingOnly(Engines engines, TestNamespace namespace, String topic, Map<String, Object> producer,
                                           int steady, Duration pollInterval) {
        OutboxDatabase database = OutboxDatabase.create(engines.postgres(), namespace.database("polling"));
        JdbcOutbox unheard = new JdbcOutbox(database.dataSource(), TopicResolver.of(Map.of("order", topic)), new NotifyChannel("nobody_listens"));
        OutboxRelay relay = relay(database, NotifyChannel.DEFAULT, RelaySettings.defaults().withPollInterval(pollInterval), producer);
        relay.start();
        Percentiles latencies = steadyWrites(database, unheard, 0, steady);
        relay.close();
        return latencies;
    }

    private static OutboxRelay relay(OutboxDatabase database, NotifyChannel channel, RelaySettings settings, Map<String, Object> producer) {
        return new OutboxRelay(new PostgresOutboxFeed(database.dataSource(), channel),
            new KafkaEventPublisher(KafkaEventPublisher.idempotentProducers(producer)), settings, OutboxMetrics.NONE);
    }

    /** Bursts of 100 events (transactions of 10) every 200 ms, after versions up to {@code fromVersion}; then insert → published percentiles. */
    private static Percentiles steadyWrites(OutboxDatabase database, JdbcOutbox outbox, int fromVersion, int steady) {
        long steadyFrom = database.queryLong("select coalesce(max(position), 0) from outbox");
        int rounds = steady / AGGREGATES;
        long pause = TimeUnit.MILLISECONDS.toNanos(200);
        for (int round = 1; round <= rounds; round++) {
            appendRounds(database, outbox, fromVersion + round, fromVersion + round);
            LockSupport.parkNanos(pause);
        }
        awaitNothingUnpublished(database);
        return latencies(database, steadyFrom);
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

    private record Percentiles(double p50, double p99, double max) {
        void print(String relay, int events) {
            System.out.printf(Locale.ROOT, "steady writes, %s (%d events in transactions of 10, bursts of 100 every 200 ms):"
                + " insert to published p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", relay, events, p50, p99, max);
        }
    }

    private static Percentiles latencies(OutboxDatabase database, long afterPosition) {
        String sql = """
            select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms)
            from (select extract(epoch from published_at - created_at) * 1000 as ms from outbox where position > %d) latencies
            """.formatted(afterPosition);
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return new Percentiles(result.getDouble(1), result.getDouble(2), result.getDouble(3));
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
