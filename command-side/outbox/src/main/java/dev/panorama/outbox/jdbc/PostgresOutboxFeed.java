package dev.panorama.outbox.jdbc;

import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.OutboxException;
import dev.panorama.outbox.relay.Backlog;
import dev.panorama.outbox.relay.OutboxFeed;
import dev.panorama.outbox.relay.PendingEvent;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The outbox table seen from a relay, over one dedicated PostgreSQL session.
 *
 * <p>That session LISTENs on the channel and, to lead, holds a session-level advisory lock named after
 * the channel. The lock lives exactly as long as the session: when a leading relay stops, crashes or
 * loses its connection, PostgreSQL ends the session and releases the lock, and a standby takes it on
 * its next try. Every read and write of a leader runs on the same session, so a leader whose session
 * is gone can no longer mark anything published.
 */
public final class PostgresOutboxFeed implements OutboxFeed {

    private static final Logger log = LoggerFactory.getLogger(PostgresOutboxFeed.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PURGE_CHUNK = 10_000;

    private static final String TRY_LOCK = "select pg_try_advisory_lock(hashtext('panorama.outbox.relay'), hashtext(?))";
    private static final String UNPUBLISHED = """
        select position, topic, event_id, event_type, schema_version, aggregate_type, aggregate_id, aggregate_version,
               occurred_at, correlation_id, causation_id, payload::text
        from outbox
        where published_at is null
        order by position
        limit ?
        """;
    private static final String MARK_PUBLISHED = """
        update outbox set published_at = clock_timestamp()
        where position = any(?) and published_at is null
        returning (extract(epoch from published_at - created_at) * 1000000)::bigint
        """;
    private static final String BACKLOG = """
        select count(*), (extract(epoch from clock_timestamp() - min(created_at)) * 1000000)::bigint
        from outbox
        where published_at is null
        """;
    private static final String PURGE = """
        delete from outbox
        where position in (select position from outbox
                           where published_at < clock_timestamp() - make_interval(secs => ?)
                           limit ?)
        """;

    private final DataSource sessions;
    private final NotifyChannel channel;
    private Connection session;
    private boolean leading;

    /**
     * @param sessions opens dedicated connections, e.g. {@code org.postgresql.ds.PGSimpleDataSource}; a
     *     pooled connection would carry the lock and the LISTEN back into the pool
     */
    public PostgresOutboxFeed(DataSource sessions, NotifyChannel channel) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public boolean lead() {
        try {
            Connection connection = session();
            if (!leading) {
                try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
                    statement.setString(1, channel.name());
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        leading = result.getBoolean(1);
                    }
                }
            }
            return leading;
        } catch (SQLException e) {
            throw lost("could not take the relay lock", e);
        }
    }

    @Override
    public List<PendingEvent> unpublished(int limit) {
        Connection connection = leaderSession();
        try (PreparedStatement statement = connection.prepareStatement(UNPUBLISHED)) {
            statement.setInt(1, limit);
            List<PendingEvent> events = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(pendingEvent(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw lost("could not read unpublished outbox events", e);
        }
    }

    private static PendingEvent pendingEvent(ResultSet row) throws SQLException {
        OutboxEvent event = new OutboxEvent(
            row.getObject("event_id", UUID.class),
            row.getString("event_type"),
            row.getInt("schema_version"),
            row.getString("aggregate_type"),
            row.getString("aggregate_id"),
            row.getLong("aggregate_version"),
            row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            row.getString("correlation_id"),
            row.getString("causation_id"),
            JSON.readTree(row.getString("payload")));
        return new PendingEvent(row.getLong("position"), row.getString("topic"), event);
    }

    @Override
    public List<Duration> markPublished(Collection<Long> positions) {
        Connection connection = leaderSession();
        try (PreparedStatement statement = connection.prepareStatement(MARK_PUBLISHED)) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            statement.setArray(1, array);
            List<Duration> latencies = new ArrayList<>(positions.size());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    latencies.add(Duration.ofNanos(rows.getLong(1) * 1000));
                }
            }
            return latencies;
        } catch (SQLException e) {
            throw lost("could not mark outbox events published", e);
        }
    }

    @Override
    public Backlog backlog() {
        try (Statement statement = session().createStatement();
             ResultSet result = statement.executeQuery(BACKLOG)) {
            result.next();
            return new Backlog(result.getLong(1), Duration.ofNanos(result.getLong(2) * 1000));
        } catch (SQLException e) {
            throw lost("could not measure the outbox backlog", e);
        }
    }

    @Override
    public int purgePublishedOlderThan(Duration retention) {
        Connection connection = leaderSession();
        try (PreparedStatement statement = connection.prepareStatement(PURGE)) {
            statement.setDouble(1, retention.toMillis() / 1000.0);
            statement.setInt(2, PURGE_CHUNK);
            // Chunks keep each delete short: a purge after a long retention never holds a huge transaction.
            int purged = 0;
            int chunk;
            do {
                chunk = statement.executeUpdate();
                purged += chunk;
            } while (chunk == PURGE_CHUNK);
            return purged;
        } catch (SQLException e) {
            throw lost("could not purge the outbox", e);
        }
    }

    @Override
    public boolean awaitAppended(Duration timeout) {
        try {
            // getNotifications(0) would wait forever.
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            PGNotification[] notifications = session().unwrap(PGConnection.class).getNotifications(millis);
            return notifications != null && notifications.length > 0;
        } catch (SQLException e) {
            throw lost("lost the outbox notification channel", e);
        }
    }

    @Override
    public void close() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                log.debug("closing the relay session failed; the server ends it anyway", e);
            }
        }
        session = null;
        leading = false;
    }

    private Connection session() throws SQLException {
        if (session == null) {
            Connection connection = sessions.getConnection();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen " + channel.name());
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            session = connection;
        }
        return session;
    }

    private Connection leaderSession() {
        if (!leading) {
            throw new IllegalStateException("only the leading relay reads, marks and purges the outbox");
        }
        return session;
    }

    private OutboxException lost(String message, SQLException cause) {
        // Whatever broke, a fresh session is the way back: it re-listens and must win the lock again.
        close();
        return new OutboxException(message + ": " + cause.getMessage(), cause);
    }
}
