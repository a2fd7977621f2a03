package dev.panorama.queryapi.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A search of the order history; every field already validated and bounded. Null means "no filter".
 *
 * @param text keywords matched against restaurant and item names, as a value only
 * @param after where the previous page ended, or null for the first page
 */
public record OrderHistoryQuery(String text, UUID consumerId, OrderStatus status, UUID restaurantId, Instant from, Instant to,
                                OrderSort sort, int size, SortKey after) {

    /** An order's place in a sort order: its creation time, then its id. */
    public record SortKey(long createdAtMillis, String orderId) {
    }

    /** Identifies the filters, so that a cursor cannot be replayed against another search. */
    public String fingerprint() {
        String filters = String.join("|", String.valueOf(text), String.valueOf(consumerId), String.valueOf(status),
            String.valueOf(restaurantId), String.valueOf(from), String.valueOf(to), sort.wire());
        return Integer.toHexString(filters.hashCode());
    }
}
