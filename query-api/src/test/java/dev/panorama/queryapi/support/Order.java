package dev.panorama.queryapi.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An order as the view builder renders it into {@code order-history} and {@code order-details}: the same
 * fields, the same value shapes (decimal strings, RFC 3339 instants, null fields left out) and the
 * version vector of the states it was rendered from.
 */
public record Order(String orderId, String consumerId, String consumerName, String restaurantId, String restaurantName, String status,
                    List<String> items, Instant createdAt, long orderVersion, long consumerVersion, long restaurantVersion) {

    public static Order of(String consumerId, String restaurantId, String restaurantName, Instant createdAt, String... items) {
        return new Order(UUID.randomUUID().toString(), consumerId, "Ada Lovelace", restaurantId, restaurantName, "APPROVAL_PENDING",
            List.of(items), createdAt, 1, 1, 1);
    }

    public Order withStatus(String newStatus, long newOrderVersion) {
        return new Order(orderId, consumerId, consumerName, restaurantId, restaurantName, newStatus, items, createdAt, newOrderVersion,
            consumerVersion, restaurantVersion);
    }

    public Order withConsumerName(String name, long newConsumerVersion) {
        return new Order(orderId, consumerId, name, restaurantId, restaurantName, status, items, createdAt, orderVersion, newConsumerVersion,
            restaurantVersion);
    }

    public Map<String, Long> sourceVersions() {
        Map<String, Long> versions = new TreeMap<>();
        versions.put("order:" + orderId, orderVersion);
        versions.put("consumer:" + consumerId, consumerVersion);
        versions.put("restaurant:" + restaurantId, restaurantVersion);
        return versions;
    }

    private List<Map<String, Object>> lineItems() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("menuItemId", "item-" + i);
            line.put("name", items.get(i));
            line.put("quantity", 1);
            line.put("unitPrice", amount("12.50"));
            line.put("total", amount("12.50"));
            lines.add(line);
        }
        return lines;
    }

    private String total() {
        return new BigDecimal("12.50").multiply(BigDecimal.valueOf(items.size())).setScale(2).toPlainString();
    }

    static Map<String, Object> amount(String value) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("amount", value);
        amount.put("currency", "USD");
        return amount;
    }

    /** The {@code order-history} document. */
    public Map<String, Object> history() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("orderId", orderId);
        document.put("consumerId", consumerId);
        document.put("consumerName", consumerName);
        document.put("restaurantId", restaurantId);
        document.put("restaurantName", restaurantName);
        document.put("status", status);
        document.put("lineItems", lineItems());
        document.put("orderTotal", amount(total()));
        document.put("createdAt", createdAt.toString());
        document.put("updatedAt", createdAt.toString());
        document.put("sourceVersions", sourceVersions());
        return document;
    }

    /** The {@code order-details} document (without {@code _id}/{@code _rev}, which the store adds). */
    public Map<String, Object> details() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("orderId", orderId);
        document.put("status", status);
        document.put("consumer", Map.of("id", consumerId, "name", consumerName));
        document.put("restaurant", Map.of("id", restaurantId, "name", restaurantName));
        document.put("lineItems", lineItems());
        document.put("orderTotal", amount(total()));
        document.put("deliveryAddress", Map.of("street1", "1 Main Street", "city", "Oakland", "postalCode", "94612", "country", "US"));
        document.put("createdAt", createdAt.toString());
        document.put("updatedAt", createdAt.toString());
        document.put("sourceVersions", sourceVersions());
        return document;
    }
}
