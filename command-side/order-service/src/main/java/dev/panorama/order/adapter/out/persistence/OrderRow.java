package dev.panorama.order.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code orders} table, the persistent form of the aggregate; its line items are one jsonb column
 * ({@link LineItemsColumn}), written with the row.
 *
 * @param status  the {@code OrderStatus} name
 * @param reason  why it was rejected or cancelled; {@code null} otherwise
 * @param createdAt the {@code occurredAt} of the order's first event
 * @param updatedAt the {@code occurredAt} of the order's latest event
 * @param version a primitive on purpose: Spring Data JDBC treats 0 as "new" and inserts it as 1, then adds
 *     one per update, which is exactly the aggregate's version (1 at the creation, no gaps)
 */
@Table("orders")
record OrderRow(
    @Id UUID id,
    UUID consumerId,
    UUID restaurantId,
    String street1,
    String street2,
    String city,
    String postalCode,
    String country,
    Instant deliverAt,
    String status,
    String reason,
    Instant createdAt,
    Instant updatedAt,
    LineItemsColumn lineItems,
    @Version long version
) {

    OrderRow withVersion(long newVersion) {
        return new OrderRow(id, consumerId, restaurantId, street1, street2, city, postalCode, country, deliverAt, status, reason,
            createdAt, updatedAt, lineItems, newVersion);
    }

    /** The {@code line_items} column: the priced lines, in the order given. */
    record LineItemsColumn(List<LineItemRow> items) {
    }

    /** One line: name and unit price as copied from the menu when it was priced, the amount a decimal string. */
    record LineItemRow(String menuItemId, String name, int quantity, String unitPriceAmount, String unitPriceCurrency) {
    }
}
