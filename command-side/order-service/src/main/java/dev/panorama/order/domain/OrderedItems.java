package dev.panorama.order.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The items of an order as the consumer asks for them, in the order given: 1 to 100, each menu item at most
 * once (more of a dish is a larger quantity, not a second line).
 */
public record OrderedItems(List<OrderedItem> items) {

    public static final int MAX_ITEMS = 100;

    public OrderedItems {
        Objects.requireNonNull(items, "items");
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidValueException("an order has 1 to " + MAX_ITEMS + " line items");
        }
        Set<MenuItemId> ids = new HashSet<>();
        for (OrderedItem item : items) {
            if (!ids.add(item.menuItemId())) {
                throw new InvalidValueException("menuItemId " + item.menuItemId() + " appears more than once; order more with its quantity");
            }
        }
    }
}
