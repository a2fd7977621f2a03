package dev.panorama.outbox;

import dev.panorama.devstack.postgres.PostgresEngine;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database with the outbox migration applied, as a service's Flyway would apply it. */
public final class OutboxDatabase {

    private final PostgresEngine postgres;
    private final String url;
    private final PGSimpleDataSource dataSource;

    private OutboxDatabase(PostgresEngine postgres, String url) {
        this.postgres = postgres;
        this.url = url;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
    }

    public static OutboxDatabase create(PostgresEngine postgres, String name) {
        OutboxDatabase database = new OutboxDatabase(postgres, postgres.createDatabase(name));
        Flyway.configure()
            .dataSource(database.url, postgres.username(), postgres.password())
            .locations("classpath:db/outbox")
            .load()
            .migrate();
        return database;
    }

    public String url() {
        return url;
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    /** Unpooled: every connection is a session of its own, as the relay needs. */
    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction, committed when it returns. */
    public void commit(Work work) {
        inTransaction(work, true);
    }

    /** Runs the work in one transaction, rolled back when it returns. */
    public void rollBack(Work work) {
        inTransaction(work, false);
    }

    private void inTransaction(Work work, boolean commit) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            work.run(connection);
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String whereClause) {
        return queryLong("select count(*) from outbox where " + whereClause);
    }

    public long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
