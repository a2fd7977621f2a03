package dev.panorama.devstack.postgres;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.Ports;
import dev.panorama.devstack.process.Directories;
import dev.panorama.devstack.process.OrphanGuard;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from the binaries zonky publishes on Maven Central. The postmaster is
 * not our child process, so an {@link OrphanGuard} stops it if this JVM dies without closing it.
 */
public final class EmbeddedPostgresEngine implements PostgresEngine {

    private final EmbeddedPostgres postgres;
    private final OrphanGuard guard;
    private final Path dataDirectory;
    private final String version;

    private EmbeddedPostgresEngine(EmbeddedPostgres postgres, OrphanGuard guard, Path dataDirectory, String version) {
        this.postgres = postgres;
        this.guard = guard;
        this.dataDirectory = dataDirectory;
        this.version = version;
    }

    /**
     * @param port the port, 0 for any free one
     * @param dataDirectory where the cluster lives (deleted when it stops), or {@code null} for a temporary one
     */
    public static EmbeddedPostgresEngine start(int port, Path dataDirectory, Duration startTimeout) {
        Ports.requireFree("PostgreSQL", port, "--postgres-port");
        Path data = dataDirectory == null ? Directories.temporary("panorama-pg-") : Directories.create(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            // Our own close and the OrphanGuard stop it; a second, racing shutdown hook would not help.
            .setRegisterShutdownHook(false)
            .setPGStartupWait(startTimeout)
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            Directories.deleteRecursively(data);
            throw new EngineStartupException("PostgreSQL: the embedded server did not start: " + rootMessage(e)
                + " (as root it needs user namespaces, `unshare -U`; otherwise run as a non-root user)", e);
        }
        OrphanGuard guard = OrphanGuard.watch(postmasterPid(data), data);
        return new EmbeddedPostgresEngine(postgres, guard, data, serverVersion(postgres));
    }

    private static long postmasterPid(Path data) {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            throw new EngineStartupException("PostgreSQL: cannot read the postmaster pid from " + data + ": " + e.getMessage(), e);
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        } catch (java.sql.SQLException e) {
            return "unknown version";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String username() {
        return "postgres";
    }

    /** The embedded cluster trusts local connections; any password is accepted. */
    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public String describe() {
        return "PostgreSQL " + version + " (embedded server) at " + host() + ":" + port();
    }

    @Override
    public void close() {
        guard.disarm();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        } finally {
            Directories.deleteRecursively(dataDirectory);
        }
    }
}
