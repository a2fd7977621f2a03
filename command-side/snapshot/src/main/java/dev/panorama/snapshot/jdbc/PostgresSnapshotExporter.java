package dev.panorama.snapshot.jdbc;

import dev.panorama.snapshot.SnapshotException;
import dev.panorama.snapshot.SnapshotPosition;
import dev.panorama.snapshot.SnapshotSummary;
import dev.panorama.snapshot.SnapshotWriter;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Exports a consistent snapshot of a service's aggregates from PostgreSQL without locking writers out:
 * one {@code REPEATABLE READ, READ ONLY} transaction reads the outbox high-water mark and then every
 * aggregate, all from the same MVCC snapshot. Writers carry on meanwhile (a plain {@code select} takes no
 * lock that a row write waits for); their changes are simply not visible to the export.
 *
 * <p>The transaction is the exporter's own, on a connection it takes from the data source and returns
 * with auto-commit restored. It holds back vacuum while it runs, so exports are for occasional use.
 */
public final class PostgresSnapshotExporter {

    // The snapshot of a REPEATABLE READ transaction is taken by its first query, so the position comes
    // first; the outbox is found through the search_path, like the outbox library's own statements.
    private static final String POSITION = """
        select transaction_timestamp() as taken_at,
               current_setting('transaction_isolation') as isolation,
               current_setting('transaction_read_only') as read_only,
               (select coalesce(max(position), 0) from outbox) as high_water_mark
        """;

    private final DataSource dataSource;
    private final String service;
    private final SnapshotSource source;
    private final int fetchSize;

    /**
     * @param service   the service's name, written into the header
     * @param fetchSize rows fetched per round trip; the export holds at most about this many in memory
     */
    public PostgresSnapshotExporter(DataSource dataSource, String service, SnapshotSource source, int fetchSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.service = Objects.requireNonNull(service, "service");
        this.source = Objects.requireNonNull(source, "source");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be 1 or more: " + fetchSize);
        }
        this.fetchSize = fetchSize;
    }

    public String aggregateType() {
        return source.aggregateType();
    }

    /**
     * Writes the whole snapshot to {@code out} (which it does not close).
     *
     * @throws IOException       when the client goes away; the transaction ends all the same
     * @throws SnapshotException when the database fails; what was written has no trailer
     */
    public SnapshotSummary export(OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return export(connection, out);
            } finally {
                // Read only: there is nothing to commit; ending the transaction releases its snapshot.
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SnapshotException("could not export the " + source.aggregateType() + " snapshot of " + service, e);
        }
    }

    private SnapshotSummary export(Connection connection, OutputStream out) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        SnapshotPosition position = position(connection);
        SnapshotWriter writer = SnapshotWriter.start(out, service, source.aggregateType(), position);
        try (PreparedStatement statement = connection.prepareStatement(source.query(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // With auto-commit off, the driver reads through a cursor, fetchSize rows at a time.
            statement.setFetchSize(fetchSize);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    writer.write(source.read(rows));
                }
            }
        }
        return new SnapshotSummary(position, writer.end());
    }

    private static SnapshotPosition position(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(POSITION)) {
            row.next();
            if (!"repeatable read".equals(row.getString("isolation")) || !"on".equals(row.getString("read_only"))) {
                throw new SnapshotException("the snapshot transaction is " + row.getString("isolation") + ", read only "
                    + row.getString("read_only") + "; expected repeatable read, read only");
            }
            return new SnapshotPosition(row.getObject("taken_at", OffsetDateTime.class).toInstant(), row.getLong("high_water_mark"));
        }
    }
}
