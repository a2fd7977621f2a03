package dev.panorama.restaurant.adapter.out.persistence;

import dev.panorama.snapshot.SnapshotRecord;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The restaurants for {@code GET /snapshot}, straight from the tables, in the shapes of the restaurant events'
 * payloads ({@code schemas/snapshots/restaurant.state.v1.schema.json}): what folding a restaurant's events gives.
 * Opening hours and menu come folded into each row, in their stored order, so that a row is a whole restaurant.
 */
final class JdbcRestaurantSnapshotSource implements SnapshotSource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper PARSER = JsonMapper.builder().build();

    @Override
    public String aggregateType() {
        return "restaurant";
    }

    @Override
    public String query() {
        return """
            select r.id, r.name, r.cuisine, r.lat, r.lon, r.street1, r.street2, r.city, r.postal_code, r.country, r.version,
                   (select coalesce(json_agg(json_build_object('dayOfWeek', p.day_of_week, 'opens', p.opens, 'closes', p.closes)
                                             order by p.position), '[]')
                    from opening_period p where p.restaurant_id = r.id)::text as opening_hours,
                   (select coalesce(json_agg(json_build_object('menuItemId', m.menu_item_id, 'name', m.name,
                                                               'price', json_build_object('amount', m.price_amount, 'currency', m.price_currency))
                                             order by m.position), '[]')
                    from menu_item m where m.restaurant_id = r.id)::text as menu_items
            from restaurant r
            order by r.id
            """;
    }

    @Override
    public SnapshotRecord read(ResultSet row) throws SQLException {
        ObjectNode state = JSON.objectNode().put("name", row.getString("name"));
        if (row.getString("cuisine") != null) {
            state.put("cuisine", row.getString("cuisine"));
        }
        state.set("location", JSON.objectNode().put("lat", row.getDouble("lat")).put("lon", row.getDouble("lon")));
        state.set("address", address(row));
        state.set("openingHours", PARSER.readTree(row.getString("opening_hours")));
        ObjectNode menu = JSON.objectNode();
        menu.set("items", PARSER.readTree(row.getString("menu_items")));
        state.set("menu", menu);
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
