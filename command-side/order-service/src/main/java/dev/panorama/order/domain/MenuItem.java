package dev.panorama.order.domain;

import java.util.Objects;

/** One dish on a restaurant's menu, as the restaurant's events gave it. */
public record MenuItem(MenuItemId menuItemId, String name, Money price) {

    public static final int MAX_NAME_LENGTH = 200;

    public MenuItem {
        Objects.requireNonNull(menuItemId, "menuItemId");
        Values.required("menu item name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(price, "price");
    }
}
