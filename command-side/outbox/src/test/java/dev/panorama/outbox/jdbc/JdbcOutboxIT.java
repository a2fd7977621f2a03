package dev.panorama.outbox.jdbc;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.outbox.OutboxDatabase;
import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.TopicResolver;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.panorama.outbox.OutboxEventBuilder.anEvent;
import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealEngines
class JdbcOutboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final NotifyChannel CHANNEL = new NotifyChannel("orders_outbox");

    @Test
    void storesTheWholeEnvelopeWithItsTopicAsUnpublished(PostgresEngine postgres, TestNamespace namespace) throws SQLException {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("stores"));
        OutboxEvent event = anEvent().aggregate("order", "order-1").version(4).eventType("order.OrderApproved")
            .schemaVersion(2).causationId("command-9").occurredAt(Instant.parse("2026-11-08T19:00:00.654321Z"))
            .payload(JSON.createObjectNode().put("orderId", "order-1").put("note", "é ✓")).build();

        database.commit(connection -> outbox(database).append(connection, event));

        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("select * from outbox where event_id = ?")) {
            query.setObject(1, event.eventId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong("position")).isPositive();
                assertThat(row.getString("event_type")).isEqualTo("order.OrderApproved");
                assertThat(row.getInt("schema_version")).isEqualTo(2);
                assertThat(row.getString("aggregate_type")).isEqualTo("order");
                assertThat(row.getString("aggregate_id")).isEqualTo("order-1");
                assertThat(row.getLong("aggregate_version")).isEqualTo(4);
                assertThat(row.getObject("occurred_at", OffsetDateTime.class).toInstant()).isEqualTo(event.occurredAt());
                assertThat(row.getString("correlation_id")).isEqualTo(event.correlationId());
                assertThat(row.getString("causation_id")).isEqualTo("command-9");
                assertThat(JSON.readTree(row.getString("payload"))).isEqualTo(event.payload());
                assertThat(row.getString("topic")).isEqualTo("ftgo.order.events");
                assertThat(row.getObject("created_at")).isNotNull();
                assertThat(row.getObject("published_at")).isNull();
            }
        }
    }

    @Test
    void refusesAConnectionOutsideATransaction(PostgresEngine postgres, TestNamespace namespace) throws SQLException {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("autocommit"));

        try (Connection connection = database.dataSource().getConnection()) {
            assertThatIllegalStateException()
                .isThrownBy(() -> outbox(database).append(connection, orderEvent("order-1", 1)))
                .withMessageContaining("auto-commit");
        }
        assertThat(database.count("true")).isZero();
    }

    @Test
    void refusesASecondEventForTheSameAggregateVersion(PostgresEngine postgres, TestNamespace namespace) {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("unique"));
        database.commit(connection -> outbox(database).append(connection, orderEvent("order-1", 1)));

        assertThatThrownBy(() -> database.commit(connection -> outbox(database).append(connection, orderEvent("order-1", 1))))
            .hasRootCauseInstanceOf(SQLException.class)
            .rootCause().hasMessageContaining("outbox_aggregate_version_once");
    }

    @Test
    void notifiesTheRelayOnCommitAndNotOnRollback(PostgresEngine postgres, TestNamespace namespace) throws SQLException {
        OutboxDatabase database = OutboxDatabase.create(postgres, namespace.database("notify"));
        try (Connection listener = database.dataSource().getConnection()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("listen " + CHANNEL.name());
            }
            PGConnection notifications = listener.unwrap(PGConnection.class);

            database.rollBack(connection -> outbox(database).append(connection, orderEvent("order-1", 1)));
            assertThat(received(notifications, 300)).isEmpty();

            database.commit(connection -> outbox(database).append(connection, orderEvent("order-1", 1)));
            assertThat(received(notifications, 5_000)).containsExactly(CHANNEL.name());
        }
    }

    private static List<String> received(PGConnection listener, int timeoutMillis) throws SQLException {
        PGNotification[] notifications = listener.getNotifications(timeoutMillis);
        return notifications == null ? List.of() : Arrays.stream(notifications).map(PGNotification::getName).toList();
    }

    private static JdbcOutbox outbox(OutboxDatabase database) {
        return new JdbcOutbox(database.dataSource(), TopicResolver.of(Map.of("order", "ftgo.order.events")), CHANNEL);
    }
}
