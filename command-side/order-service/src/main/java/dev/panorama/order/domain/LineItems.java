package dev.panorama.order.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The priced lines of an order, in the order given: 1 to 100, each menu item at most once, all in one
 * currency, and a total below one billion, so that every order can be published as the schemas say.
 */
public record LineItems(List<LineItem> items) {

    public LineItems {
        Objects.requireNonNull(items, "items");
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > OrderedItems.MAX_ITEMS) {
            throw new InvalidValueException("an order has 1 to " + OrderedItems.MAX_ITEMS + " line items");
        }
        Set<MenuItemId> ids = new HashSet<>();
        String currency = items.getFirst().unitPrice().currency();
        BigDecimal total = BigDecimal.ZERO;
        for (LineItem item : items) {
            if (!ids.add(item.menuItemId())) {
                throw new InvalidValueException("menuItemId " + item.menuItemId() + " appears more than once");
            }
            if (!item.unitPrice().currency().equals(currency)) {
                throw new OrderRuleException("an order is in one currency; " + item.menuItemId() + " is priced in "
                    + item.unitPrice().currency() + ", " + items.getFirst().menuItemId() + " in " + currency);
            }
            total = total.add(item.subtotal());
        }
        if (total.compareTo(Money.LIMIT) >= 0) {
            throw new OrderRuleException("the order total " + total.toPlainString() + " " + currency + " is not below one billion");
        }
    }

    /** The sum of the lines' subtotals, in their currency; exact decimal arithmetic, two fraction digits. */
    public Money total() {
        BigDecimal total = items.stream().map(LineItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.of(total, currency());
    }

    public String currency() {
        return items.getFirst().unitPrice().currency();
    }
}
