package dev.panorama.outbox.jdbc;

import dev.panorama.outbox.Outbox;
import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.OutboxException;
import dev.panorama.outbox.TopicResolver;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Writes events into the {@code outbox} table (see {@code db/outbox/}) on the caller's connection, and
 * notifies the relay. PostgreSQL delivers the notification at commit, and not at all on rollback, so
 * a relay never wakes up for an event it cannot see yet.
 */
public final class JdbcOutbox implements Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String APPEND = """
        with appended as (
            insert into outbox (event_id, event_type, schema_version, aggregate_type, aggregate_id, aggregate_version,
                                occurred_at, correlation_id, causation_id, payload, topic)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
            returning position)
        select pg_notify(?, '') from appended
        """;

    private final DataSource transactionalConnections;
    private final TopicResolver topics;
    private final NotifyChannel channel;

    /**
     * @param transactionalConnections hands out the connection of the caller's current transaction,
     *     e.g. Spring's {@code TransactionAwareDataSourceProxy}; callers holding their own connection
     *     use {@link #append(Connection, OutboxEvent)} instead
     */
    public JdbcOutbox(DataSource transactionalConnections, TopicResolver topics, NotifyChannel channel) {
        this.transactionalConnections = Objects.requireNonNull(transactionalConnections, "transactionalConnections");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void append(OutboxEvent event) {
        try (Connection connection = transactionalConnections.getConnection()) {
            append(connection, event);
        } catch (SQLException e) {
            throw new OutboxException("could not append " + event.eventType() + " " + event.eventId() + " to the outbox", e);
        }
    }

    /**
     * Appends the event on the given connection, inside the transaction it has open.
     *
     * @throws IllegalStateException when the connection is in auto-commit mode: the event would be
     *     committed on its own, whether or not the state change it describes is
     */
    public void append(Connection connection, OutboxEvent event) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("the outbox is written in the caller's transaction, but the connection is in auto-commit mode");
        }
        String topic = topics.topicOf(event.aggregateType());
        try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
            statement.setObject(1, event.eventId());
            statement.setString(2, event.eventType());
            statement.setInt(3, event.schemaVersion());
            statement.setString(4, event.aggregateType());
            statement.setString(5, event.aggregateId());
            statement.setLong(6, event.aggregateVersion());
            statement.setObject(7, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
            statement.setString(8, event.correlationId());
            if (event.causationId() == null) {
                statement.setNull(9, Types.VARCHAR);
            } else {
                statement.setString(9, event.causationId());
            }
            statement.setString(10, JSON.writeValueAsString(event.payload()));
            statement.setString(11, topic);
            statement.setString(12, channel.name());
            statement.execute();
        }
    }
}
