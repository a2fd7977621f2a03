package dev.panorama.devstack.postgres;

import dev.panorama.devstack.Engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A running PostgreSQL server. */
public interface PostgresEngine extends Engine {

    Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    String host();

    int port();

    String username();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates an empty database (lower-case letters, digits and underscores) and returns its JDBC URL. */
    default String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }
}
