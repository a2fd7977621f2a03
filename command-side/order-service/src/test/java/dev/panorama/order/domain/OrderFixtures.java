package dev.panorama.order.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Values for tests: the golden examples' order, consumer and restaurant (Ajanta's menu). */
public final class OrderFixtures {

    public static final OrderId ORDER = new OrderId(UUID.fromString("b3e4f5a6-7c8d-4e9f-a0b1-c2d3e4f5a6b7"));
    public static final ConsumerId CONSUMER = new ConsumerId(UUID.fromString("5f0c9a8e-3b1d-4c2e-9a57-1c2d3e4f5a61"));
    public static final RestaurantId RESTAURANT = new RestaurantId(UUID.fromString("8d2b7c41-6e5f-4a3b-b1c2-7d8e9f0a1b22"));
    public static final Instant DELIVER_AT = Instant.parse("2026-11-08T19:45:00Z");
    public static final Instant NOW = Instant.parse("2026-11-08T19:00:00Z");
    public static final MenuItemId VINDALOO = new MenuItemId("chicken-vindaloo");
    public static final MenuItemId NAAN = new MenuItemId("garlic-naan");
    public static final MenuItemId LASSI = new MenuItemId("mango-lassi");

    private OrderFixtures() {
    }

    public static Address mainStreet() {
        return new Address("1 Main Street", null, "Oakland", "94612", "US");
    }

    /** Ajanta's menu: vindaloo 12.34, naan 3.50, lassi 4.25, all USD. */
    public static Menu ajantaMenu() {
        return new Menu(List.of(
            new MenuItem(VINDALOO, "Chicken Vindaloo", usd("12.34")),
            new MenuItem(NAAN, "Garlic Naan", usd("3.50")),
            new MenuItem(LASSI, "Mango Lassi", usd("4.25"))));
    }

    public static Money usd(String amount) {
        return new Money(amount, "USD");
    }

    /** Ordered items from pairs: {@code ordered(VINDALOO, 2, NAAN, 1)}. */
    public static OrderedItems ordered(Object... idAndQuantity) {
        if (idAndQuantity.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of id and quantity: " + Arrays.toString(idAndQuantity));
        }
        OrderedItem[] items = new OrderedItem[idAndQuantity.length / 2];
        for (int i = 0; i < items.length; i++) {
            items[i] = new OrderedItem((MenuItemId) idAndQuantity[2 * i], (Integer) idAndQuantity[2 * i + 1]);
        }
        return new OrderedItems(List.of(items));
    }

    /** Two vindaloo and one naan: 28.18 USD, as in the golden OrderCreated. */
    public static LineItems goldenLines() {
        return ajantaMenu().price(ordered(VINDALOO, 2, NAAN, 1));
    }

    public static Order order(OrderStatus status, long version) {
        Reason reason = status.isFinal() ? new Reason("because") : null;
        return Order.restore(ORDER, CONSUMER, RESTAURANT, goldenLines(), mainStreet(), DELIVER_AT, status, reason, NOW, NOW, version);
    }
}
