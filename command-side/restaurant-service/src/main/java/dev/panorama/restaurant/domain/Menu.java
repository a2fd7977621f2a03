package dev.panorama.restaurant.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A restaurant's whole menu, in the order it is shown: 1 to 500 items with distinct ids. */
public record Menu(List<MenuItem> items) {

    public static final int MAX_ITEMS = 500;

    public Menu {
        Objects.requireNonNull(items, "items");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new InvalidValueException("a menu needs at least one item");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidValueException("a menu has at most " + MAX_ITEMS + " items");
        }
        Set<MenuItemId> ids = new HashSet<>();
        for (MenuItem item : items) {
            if (!ids.add(item.menuItemId())) {
                throw new InvalidValueException("menuItemId " + item.menuItemId().value() + " appears more than once");
            }
        }
    }
}
