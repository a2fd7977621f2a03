package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.Ids;
import dev.panorama.queryapi.application.OrderHistoryQuery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The order history's paging cursor: opaque to callers (base64url), and checked on the way back: format
 * version, the same sort and filters as the search it came from, a numeric time and a UUID. Its values
 * only ever become {@code search_after} values.
 */
final class CursorCodec {

    private static final String FORMAT = "c1";
    private static final int MAX_LENGTH = 200;

    private CursorCodec() {
    }

    static String encode(OrderHistoryQuery query, OrderHistoryQuery.SortKey key) {
        String plain = String.join("|", FORMAT, query.sort().wire(), query.fingerprint(), Long.toString(key.createdAtMillis()), key.orderId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key the cursor carries, or null with the problem recorded in {@code parameters}. */
    static OrderHistoryQuery.SortKey decode(String cursor, OrderHistoryQuery query, RequestParameters parameters) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals(FORMAT)) {
                throw new IllegalArgumentException("unknown format");
            }
            if (!parts[1].equals(query.sort().wire()) || !parts[2].equals(query.fingerprint())) {
                parameters.reject("cursor", "query", "belongs to another search: keep q, filters and sort as they were for the first page");
                return null;
            }
            long createdAt = Long.parseLong(parts[3]);
            return new OrderHistoryQuery.SortKey(createdAt, Ids.uuid(parts[4]).toString());
        } catch (IllegalArgumentException e) {
            parameters.reject("cursor", "query", "is not a cursor this API issued; use nextCursor from a previous page");
            return null;
        }
    }
}
