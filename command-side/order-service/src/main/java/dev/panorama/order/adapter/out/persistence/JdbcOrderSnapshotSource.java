package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.domain.LineItem;
import dev.panorama.order.domain.LineItems;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.Money;
import dev.panorama.snapshot.SnapshotRecord;
import dev.panorama.snapshot.jdbc.SnapshotSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The orders for {@code GET /snapshot}, straight from the tables, in the shapes of the order events' payloads
 * ({@code schemas/snapshots/order.state.v1.schema.json}): what folding an order's events gives, with
 * {@code createdAt} and {@code updatedAt} as stored from the events' {@code occurredAt}. The line items are
 * stored in the events' shape, in order; the total is computed by the domain, as for the events.
 */
final class JdbcOrderSnapshotSource implements SnapshotSource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper PARSER = JsonMapper.builder().build();

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public String query() {
        return """
            select o.id, o.consumer_id, o.restaurant_id, o.street1, o.street2, o.city, o.postal_code, o.country, o.deliver_at,
                   o.status, o.reason, o.created_at, o.updated_at, o.version, o.line_items::text as line_items
            from orders o
            order by o.id
            """;
    }

    @Override
    public SnapshotRecord read(ResultSet row) throws SQLException {
        JsonNode lineItems = PARSER.readTree(row.getString("line_items"));
        ObjectNode state = JSON.objectNode()
            .put("consumerId", row.getObject("consumer_id", UUID.class).toString())
            .put("restaurantId", row.getObject("restaurant_id", UUID.class).toString())
            .put("status", row.getString("status"));
        if (row.getString("reason") != null) {
            state.put("statusReason", row.getString("reason"));
        }
        state.set("lineItems", lineItems);
        Money total = total(lineItems);
        state.set("orderTotal", JSON.objectNode().put("amount", total.amount()).put("currency", total.currency()));
        state.set("deliveryAddress", address(row));
        state.put("createdAt", instant(row, "created_at").toString());
        state.put("deliverAt", instant(row, "deliver_at").toString());
        state.put("updatedAt", instant(row, "updated_at").toString());
        return new SnapshotRecord(row.getObject("id", UUID.class).toString(), row.getLong("version"), state);
    }

    private static Money total(JsonNode lineItems) {
        List<LineItem> items = new ArrayList<>(lineItems.size());
        for (JsonNode item : lineItems) {
            JsonNode price = item.get("unitPrice");
            items.add(new LineItem(new MenuItemId(item.get("menuItemId").asString()), item.get("name").asString(), item.get("quantity").asInt(),
                new Money(price.get("amount").asString(), price.get("currency").asString())));
        }
        return new LineItems(items).total();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
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
