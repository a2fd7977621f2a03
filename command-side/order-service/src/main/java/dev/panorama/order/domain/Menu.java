package dev.panorama.order.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A restaurant's menu as the order service knows it from the restaurant's events: up to 500 items with
 * distinct ids (the schemas allow an empty menu). Orders are priced from it.
 */
public record Menu(List<MenuItem> items) {

    public static final int MAX_ITEMS = 500;

    public Menu {
        Objects.requireNonNull(items, "items");
        items = List.copyOf(items);
        if (items.size() > MAX_ITEMS) {
            throw new InvalidValueException("a menu has at most " + MAX_ITEMS + " items");
        }
        Map<MenuItemId, MenuItem> byId = new LinkedHashMap<>();
        for (MenuItem item : items) {
            if (byId.putIfAbsent(item.menuItemId(), item) != null) {
                throw new InvalidValueException("menuItemId " + item.menuItemId() + " appears more than once on the menu");
            }
        }
    }

    /**
     * Prices what the consumer asks for: each line gets the menu item's name and its current price.
     *
     * @throws OrderRuleException when an item is not on this menu, the items are priced in more than one
     *     currency, or the total is not below one billion
     */
    public LineItems price(OrderedItems ordered) {
        List<LineItem> lines = new ArrayList<>(ordered.items().size());
        for (OrderedItem wanted : ordered.items()) {
            MenuItem item = items.stream().filter(candidate -> candidate.menuItemId().equals(wanted.menuItemId())).findFirst()
                .orElseThrow(() -> new OrderRuleException("menuItemId " + wanted.menuItemId() + " is not on the restaurant's current menu"));
            lines.add(new LineItem(item.menuItemId(), item.name(), wanted.quantity(), item.price()));
        }
        return new LineItems(lines);
    }
}
