package dev.panorama.order.adapter.out.persistence;

import dev.panorama.order.adapter.out.persistence.OrderRow.LineItemRow;
import dev.panorama.order.adapter.out.persistence.OrderRow.LineItemsColumn;
import dev.panorama.order.application.port.out.OrderRepository;
import dev.panorama.order.domain.Address;
import dev.panorama.order.domain.ConsumerId;
import dev.panorama.order.domain.LineItem;
import dev.panorama.order.domain.LineItems;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.Money;
import dev.panorama.order.domain.Order;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.OrderStatus;
import dev.panorama.order.domain.Reason;
import dev.panorama.order.domain.RestaurantId;

import java.util.Optional;

/** The aggregate through Spring Data JDBC; the {@code @Version} column is the aggregate's version. */
final class JdbcOrderRepository implements OrderRepository {

    private final OrderRowRepository rows;

    JdbcOrderRepository(OrderRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        return rows.findById(orderId.value()).map(JdbcOrderRepository::toOrder);
    }

    @Override
    public long save(Order order) {
        return rows.save(toRow(order)).version();
    }

    private static Order toOrder(OrderRow row) {
        LineItems lineItems = new LineItems(row.lineItems().items().stream()
            .map(item -> new LineItem(new MenuItemId(item.menuItemId()), item.name(), item.quantity(),
                new Money(item.unitPriceAmount(), item.unitPriceCurrency())))
            .toList());
        return Order.restore(new OrderId(row.id()), new ConsumerId(row.consumerId()), new RestaurantId(row.restaurantId()), lineItems,
            new Address(row.street1(), row.street2(), row.city(), row.postalCode(), row.country()), row.deliverAt(),
            OrderStatus.valueOf(row.status()), row.reason() == null ? null : new Reason(row.reason()), row.createdAt(), row.updatedAt(),
            row.version());
    }

    /** Carries the stored version: 0 makes an insert, anything else an update guarded by that version. */
    private static OrderRow toRow(Order order) {
        Address address = order.deliveryAddress();
        return new OrderRow(order.id().value(), order.consumerId().value(), order.restaurantId().value(),
            address.street1(), address.street2(), address.city(), address.postalCode(), address.country(), order.deliverAt(),
            order.status().name(), order.reason().map(Reason::value).orElse(null), order.createdAt(), order.updatedAt(),
            new LineItemsColumn(order.lineItems().items().stream()
                .map(item -> new LineItemRow(item.menuItemId().value(), item.name(), item.quantity(), item.unitPrice().amount(),
                    item.unitPrice().currency()))
                .toList()),
            order.storedVersion());
    }
}
