package dev.panorama.order.adapter.out.persistence;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.postgres.PostgresEngine;
import dev.panorama.order.adapter.out.persistence.OrderRow.LineItemRow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code V3} on real PostgreSQL: orders stored with the {@code order_line_item} child table keep their lines, in
 * order and in the events' shape, in the jsonb column, which the service's converter reads back; the column's
 * check refuses a line the child table's columns refused.
 */
class LineItemsColumnMigrationIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(LineItemsColumnMigrationIT.class);
    private static final String ORDER = "0b6f2e8a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theLineItemRowsBecomeTheLineItemsColumnAndTheChildTableGoes() throws SQLException {
        PostgresEngine postgres = Engines.shared().postgres();
        String url = postgres.createDatabase(NAMESPACE.database("orders")) + "?currentSchema=orders";
        migrate(url, "2");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                insert into orders (id, consumer_id, restaurant_id, street1, city, postal_code, country, deliver_at, status,
                                    version, created_at, updated_at)
                values ('%s', '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', '8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22', '1 Main St', 'Oakland',
                        '94612', 'US', '2026-11-27T13:00:00Z', 'APPROVED', 2, '2026-11-27T12:00:00Z', '2026-11-27T12:01:00Z')
                """.formatted(ORDER));
            // Inserted out of order on purpose: the position, not the insertion, orders the lines.
            statement.execute("""
                insert into order_line_item (order_id, position, menu_item_id, name, quantity, unit_price_amount, unit_price_currency) values
                    ('%1$s', 1, 'mango-lassi', 'Mango Lassi', 3, '4.25', 'USD'),
                    ('%1$s', 0, 'chicken-vindaloo', 'Chicken "Vindaloo"', 1, '12.00', 'USD')
                """.formatted(ORDER));
        }

        migrate(url, "latest");

        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("select line_items::text from orders where id = '" + ORDER + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(JSON.readTree(row.getString(1))).isEqualTo(JSON.readTree("""
                    [{"menuItemId": "chicken-vindaloo", "name": "Chicken \\"Vindaloo\\"", "quantity": 1,
                      "unitPrice": {"amount": "12.00", "currency": "USD"}},
                     {"menuItemId": "mango-lassi", "name": "Mango Lassi", "quantity": 3, "unitPrice": {"amount": "4.25", "currency": "USD"}}]"""));
            }
            try (ResultSet row = statement.executeQuery("select line_items from orders where id = '" + ORDER + "'")) {
                row.next();
                assertThat(new LineItemsJsonb.Reader().convert(row.getObject(1, PGobject.class)).items()).containsExactly(
                    new LineItemRow("chicken-vindaloo", "Chicken \"Vindaloo\"", 1, "12.00", "USD"),
                    new LineItemRow("mango-lassi", "Mango Lassi", 3, "4.25", "USD"));
            }
            try (ResultSet tables = statement.executeQuery("select count(*) from pg_tables where tablename = 'order_line_item'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("the child table is dropped").isZero();
            }
            assertThatThrownBy(() -> statement.execute("""
                update orders set line_items = jsonb_set(line_items, '{0,quantity}', '101') where id = '%s'""".formatted(ORDER)))
                .as("a quantity the events cannot carry").hasMessageContaining("orders_line_items_valid");
            assertThatThrownBy(() -> statement.execute("""
                update orders set line_items = jsonb_set(line_items, '{1,unitPrice,amount}', '"4.5"') where id = '%s'""".formatted(ORDER)))
                .as("an amount without its two fraction digits").hasMessageContaining("orders_line_items_valid");
            assertThatThrownBy(() -> statement.execute("update orders set line_items = '[]' where id = '" + ORDER + "'"))
                .as("an order without lines").hasMessageContaining("orders_line_items_valid");
        }
    }

    private static void migrate(String url, String target) {
        PostgresEngine postgres = Engines.shared().postgres();
        Flyway.configure().dataSource(url, postgres.username(), postgres.password()).schemas("orders")
            .locations("classpath:db/migration", "classpath:db/outbox").target(target).load().migrate();
    }
}
