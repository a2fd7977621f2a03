package dev.panorama.queryapi.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sort orders of the order history. Only immutable keys: an order's creation time never changes, so a
 * cursor over it neither skips nor repeats an order while the view keeps changing. The order id breaks ties.
 */
public enum OrderSort {

    CREATED_AT_DESC("-createdAt", false),
    CREATED_AT_ASC("createdAt", true);

    private final String wire;
    private final boolean ascending;

    OrderSort(String wire, boolean ascending) {
        this.wire = wire;
        this.ascending = ascending;
    }

    public String wire() {
        return wire;
    }

    public boolean ascending() {
        return ascending;
    }

    public static Optional<OrderSort> fromWire(String text) {
        return Arrays.stream(values()).filter(sort -> sort.wire.equals(text)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(OrderSort::wire).toList();
    }
}
