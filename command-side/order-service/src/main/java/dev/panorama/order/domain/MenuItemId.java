package dev.panorama.order.domain;

import java.util.regex.Pattern;

/** A menu item's id, unique within its restaurant's menu: 1 to 64 of {@code A-Z a-z 0-9 . _ -}. */
public record MenuItemId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public MenuItemId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("menuItemId must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
