package dev.panorama.order.domain;

import java.util.Objects;

/** What a consumer asks for: a menu item and how many, 1 to 100. Its name and price come from the menu. */
public record OrderedItem(MenuItemId menuItemId, int quantity) {

    public static final int MAX_QUANTITY = 100;

    public OrderedItem {
        Objects.requireNonNull(menuItemId, "menuItemId");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidValueException("quantity must be 1 to " + MAX_QUANTITY);
        }
    }
}
