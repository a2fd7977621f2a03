package dev.panorama.delivery.adapter.out.persistence;

import dev.panorama.snapshot.SnapshotRecord;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The deliveries for {@code GET /snapshot}, straight from the tables, in the shapes of the delivery events'
 * payloads ({@code schemas/snapshots/delivery.state.v1.schema.json}): what folding a delivery's events gives,
 * its timeline as stored from the events' instants, plus the delivery address of its schedule.
 */
final class JdbcDeliverySnapshotSource implements SnapshotSource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper PARSER = JsonMapper.builder().build();

    @Override
    public String aggregateType() {
        return "delivery";
    }

    @Override
    public String query() {
        return """
            select d.id, d.order_id, d.restaurant_id, d.street1, d.street2, d.city, d.postal_code, d.country, d.ready_by, d.status,
                   d.courier_id, d.courier_name, d.version, d.timeline::text as timeline
            from delivery d
            order by d.id
            """;
    }

    @Override
    public SnapshotRecord read(ResultSet row) throws SQLException {
        ObjectNode state = JSON.objectNode()
            .put("orderId", row.getObject("order_id", UUID.class).toString())
            .put("restaurantId", row.getObject("restaurant_id", UUID.class).toString())
            .put("status", row.getString("status"));
        if (row.getString("courier_id") != null) {
            state.put("courierId", row.getString("courier_id")).put("courierName", row.getString("courier_name"));
        }
        state.put("readyBy", row.getObject("ready_by", OffsetDateTime.class).toInstant().toString());
        state.set("deliveryAddress", address(row));
        state.set("timeline", timeline(row.getString("timeline")));
        return new SnapshotRecord(row.getObject("id", UUID.class).toString(), row.getLong("version"), state);
    }

    /** The wire form of each instant is the UTC instant, as {@code Instant.toString()} prints it. */
    private static ArrayNode timeline(String json) {
        ArrayNode timeline = JSON.arrayNode();
        for (JsonNode milestone : PARSER.readTree(json)) {
            timeline.add(JSON.objectNode().put("status", milestone.get("status").asString())
                .put("at", OffsetDateTime.parse(milestone.get("at").asString()).toInstant().toString()));
        }
        return timeline;
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
