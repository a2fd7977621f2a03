package dev.panorama.devstack.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** The official PostgreSQL 17 image, through Testcontainers. */
public final class ContainerPostgresEngine implements PostgresEngine {

    public static final String IMAGE = "postgres:17.6";

    private final PostgreSQLContainer container;

    private ContainerPostgresEngine(PostgreSQLContainer container) {
        this.container = container;
    }

    public static ContainerPostgresEngine start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withDatabaseName("postgres");
        container.start();
        return new ContainerPostgresEngine(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(5432);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String describe() {
        return "PostgreSQL (container " + IMAGE + ") at " + host() + ":" + port();
    }

    @Override
    public void close() {
        container.stop();
    }
}
