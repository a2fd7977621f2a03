package dev.panorama.consumer.adapter.out.persistence;

import dev.panorama.snapshot.SnapshotRecord;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The consumers for {@code GET /snapshot}, straight from the table, in the shapes of the consumer events'
 * payloads ({@code schemas/snapshots/consumer.state.v1.schema.json}): what folding a consumer's events gives.
 */
final class JdbcConsumerSnapshotSource implements SnapshotSource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public String aggregateType() {
        return "consumer";
    }

    @Override
    public String query() {
        return """
            select id, first_name, last_name, email, street1, street2, city, postal_code, country, version
            from consumer
            order by id
            """;
    }

    @Override
    public SnapshotRecord read(ResultSet row) throws SQLException {
        ObjectNode state = JSON.objectNode();
        state.set("name", JSON.objectNode().put("firstName", row.getString("first_name")).put("lastName", row.getString("last_name")));
        state.put("email", row.getString("email"));
        state.set("address", address(row));
        return new SnapshotRecord(row.getObject("id", UUID.class).toString(), row.getLong("version"), state);
    }

    /** {@code street2} is left out when absent, as the events do. */
    private static ObjectNode address(ResultSet row) throws SQLException {
        ObjectNode node = JSON.objectNode().put("street1", row.getString("street1"));
        if (row.getString("street2") != null) {
            node.put("street2", row.getString("street2"));
        }
        return node.put("city", row.getString("city")).put("postalCode", row.getString("postal_code")).put("country", row.getString("country"));
    }
}
