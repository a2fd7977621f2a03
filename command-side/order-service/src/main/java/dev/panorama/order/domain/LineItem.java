package dev.panorama.order.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One priced line of an order: the menu item's name and unit price are copied from the menu when the order is priced. */
public record LineItem(MenuItemId menuItemId, String name, int quantity, Money unitPrice) {

    public LineItem {
        Objects.requireNonNull(menuItemId, "menuItemId");
        Values.required("line item name", name, MenuItem.MAX_NAME_LENGTH);
        if (quantity < 1 || quantity > OrderedItem.MAX_QUANTITY) {
            throw new InvalidValueException("quantity must be 1 to " + OrderedItem.MAX_QUANTITY);
        }
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /** Unit price times quantity, exact. */
    public BigDecimal subtotal() {
        return unitPrice.value().multiply(BigDecimal.valueOf(quantity));
    }
}
