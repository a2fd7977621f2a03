package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.adapter.out.persistence.OrderRow.LineItemRow;
import dev.panorama.order.adapter.out.persistence.OrderRow.LineItemsColumn;
import org.postgresql.util.PGobject;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.mapping.JdbcValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code line_items} column as jsonb, in the shape of the order events' line items:
 * {@code [{"menuItemId": "...", "name": "...", "quantity": 2, "unitPrice": {"amount": "9.50", "currency": "EUR"}}, ...]}.
 * Registered with Spring Data JDBC, which then maps {@link LineItemsColumn} as one column of the row.
 */
final class LineItemsJsonb {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LineItemsJsonb() {
    }

    static List<Converter<?, ?>> converters() {
        return List.of(new Writer(), new Reader());
    }

    @WritingConverter
    static final class Writer implements Converter<LineItemsColumn, JdbcValue> {

        @Override
        public JdbcValue convert(LineItemsColumn lineItems) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (LineItemRow item : lineItems.items()) {
                array.addObject().put("menuItemId", item.menuItemId()).put("name", item.name()).put("quantity", item.quantity())
                    .putObject("unitPrice").put("amount", item.unitPriceAmount()).put("currency", item.unitPriceCurrency());
            }
            // Sent untyped (OTHER), PostgreSQL takes the text as the column's type, jsonb.
            return JdbcValue.of(JSON.writeValueAsString(array), JDBCType.OTHER);
        }
    }

    @ReadingConverter
    static final class Reader implements Converter<PGobject, LineItemsColumn> {

        @Override
        public LineItemsColumn convert(PGobject column) {
            List<LineItemRow> items = new ArrayList<>();
            for (JsonNode item : JSON.readTree(column.getValue())) {
                JsonNode price = item.get("unitPrice");
                items.add(new LineItemRow(item.get("menuItemId").asString(), item.get("name").asString(), item.get("quantity").asInt(),
                    price.get("amount").asString(), price.get("currency").asString()));
            }
            return new LineItemsColumn(items);
        }
    }
}
