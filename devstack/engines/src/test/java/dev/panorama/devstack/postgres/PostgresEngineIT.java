package dev.panorama.devstack.postgres;

import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@RealEngines
class PostgresEngineIT {

    @Test
    void isARealPostgreSql17Server(PostgresEngine postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select version()")) {
            result.next();
            assertThat(result.getString(1)).startsWith("PostgreSQL 17.");
        }
    }

    @Test
    void flywayMigratesAFreshDatabase(PostgresEngine postgres, TestNamespace namespace) throws SQLException {
        String url = postgres.createDatabase(namespace.database("orders"));

        MigrateResult migration = Flyway.configure()
            .dataSource(url, postgres.username(), postgres.password())
            .locations("classpath:db/smoke")
            .load()
            .migrate();

        assertThat(migration.migrationsExecuted).isEqualTo(2);
        assertThat(migration.targetSchemaVersion).isEqualTo("2");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into orders (id, version) values ('" + UUID.randomUUID() + "', 1)");
            try (ResultSet result = statement.executeQuery("select state from orders")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("APPROVAL_PENDING");
            }
        }
    }
}
