package dev.panorama.delivery.adapter.out.persistence;

import dev.panorama.delivery.adapter.out.persistence.DeliveryRow.MilestoneRow;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.postgres.PostgresEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code V3} on real PostgreSQL: deliveries stored with the {@code delivery_milestone} child table of {@code V2}
 * keep their timelines, in order and to the microsecond, in the jsonb column, which the service's converter reads back.
 */
class TimelineColumnMigrationIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(TimelineColumnMigrationIT.class);
    private static final String DELIVERY = "3f1d9a52-7c4e-4b8a-9e21-5a6b7c8d9e01";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theMilestoneRowsBecomeTheTimelineColumnAndTheChildTableGoes() throws SQLException {
        PostgresEngine postgres = Engines.shared().postgres();
        String url = postgres.createDatabase(NAMESPACE.database("delivery")) + "?currentSchema=delivery";
        migrate(url, "2");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                insert into delivery (id, order_id, restaurant_id, street1, city, postal_code, country, ready_by, status,
                                      courier_id, courier_name, picked_up_at, version)
                values ('%s', '0b6f2e8a-1c3d-4e5f-8a9b-0c1d2e3f4a5b', '8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22', '1 Main St', 'Oakland',
                        '94612', 'US', '2026-11-27T12:30:00Z', 'PICKED_UP', 'courier-42', 'Alan Turing', '2026-11-27T12:41:07.000321Z', 3)
                """.formatted(DELIVERY));
            // Inserted out of order on purpose: the position, not the insertion, orders the timeline.
            statement.execute("""
                insert into delivery_milestone (delivery_id, position, status, at) values
                    ('%1$s', 2, 'PICKED_UP', '2026-11-27T12:41:07.000321Z'),
                    ('%1$s', 0, 'SCHEDULED', '2026-11-27T12:02:11.123456Z'),
                    ('%1$s', 1, 'COURIER_ASSIGNED', '2026-11-27T12:10:00Z')
                """.formatted(DELIVERY));
        }

        migrate(url, "latest");

        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("select timeline::text from delivery where id = '" + DELIVERY + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(JSON.readTree(row.getString(1))).isEqualTo(JSON.readTree("""
                    [{"status": "SCHEDULED", "at": "2026-11-27T12:02:11.123456Z"},
                     {"status": "COURIER_ASSIGNED", "at": "2026-11-27T12:10:00.000000Z"},
                     {"status": "PICKED_UP", "at": "2026-11-27T12:41:07.000321Z"}]"""));
            }
            try (ResultSet row = statement.executeQuery("select timeline from delivery where id = '" + DELIVERY + "'")) {
                row.next();
                assertThat(new TimelineJsonb.Reader().convert(row.getObject(1, PGobject.class)).milestones()).containsExactly(
                    new MilestoneRow("SCHEDULED", Instant.parse("2026-11-27T12:02:11.123456Z")),
                    new MilestoneRow("COURIER_ASSIGNED", Instant.parse("2026-11-27T12:10:00Z")),
                    new MilestoneRow("PICKED_UP", Instant.parse("2026-11-27T12:41:07.000321Z")));
            }
            try (ResultSet tables = statement.executeQuery("select count(*) from pg_tables where tablename = 'delivery_milestone'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("the child table is dropped").isZero();
            }
            assertThatThrownBy(() -> statement.execute("update delivery set version = 4 where id = '" + DELIVERY + "'"))
                .as("a version without its milestone").hasMessageContaining("delivery_timeline_valid");
        }
    }

    private static void migrate(String url, String target) {
        PostgresEngine postgres = Engines.shared().postgres();
        Flyway.configure().dataSource(url, postgres.username(), postgres.password()).schemas("delivery")
            .locations("classpath:db/migration", "classpath:db/outbox").target(target).load().migrate();
    }
}
