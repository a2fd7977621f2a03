package dev.panorama.snapshot.jdbc;

import dev.panorama.snapshot.SnapshotRecord;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a command service implements to export its aggregates: one query over them and the mapping of
 * a result row to a record. The exporter runs the query inside the snapshot's transaction with a fetch
 * size, so that a large table streams through a server-side cursor instead of being loaded at once.
 */
public interface SnapshotSource {

    /** The aggregate type, as in the events' {@code aggregateType} ({@code order}, {@code consumer}…). */
    String aggregateType();

    /**
     * One row per aggregate, {@code order by} the aggregate id so that the ids come in ascending order of
     * their text (a {@code uuid} column sorts that way). Children are best folded into the row
     * ({@code json_agg} in a sub-select) so that a row is a whole aggregate.
     */
    String query();

    /** The record of the result set's current row; must not move the cursor. */
    SnapshotRecord read(ResultSet row) throws SQLException;
}
