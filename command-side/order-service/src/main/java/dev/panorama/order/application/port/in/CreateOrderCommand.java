package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.Address;
import dev.panorama.order.domain.ConsumerId;
import dev.panorama.order.domain.OrderedItem;
import dev.panorama.order.domain.OrderedItems;
import dev.panorama.order.domain.RestaurantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Place an order. Valid by construction: the value types check themselves; the prices come from the menu.
 *
 * @param deliverAt      when the consumer wants it delivered
 * @param idempotencyKey when present, a retry with the same key and body answers the first result
 */
public record CreateOrderCommand(ConsumerId consumerId, RestaurantId restaurantId, OrderedItems lineItems, Address deliveryAddress,
                                 Instant deliverAt, Optional<IdempotencyKey> idempotencyKey, CorrelationId correlationId) {

    public CreateOrderCommand {
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(lineItems, "lineItems");
        Objects.requireNonNull(deliveryAddress, "deliveryAddress");
        Objects.requireNonNull(deliverAt, "deliverAt");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Identifies the request body, so that a key reused for a different order is recognised. */
    public String fingerprint() {
        // Unit separator between fields, a NUL for an absent one, the list size before its elements: no two
        // different bodies give the same text. deliverAt at the precision the order keeps.
        List<String> fields = new ArrayList<>(List.of(consumerId.toString(), restaurantId.toString(), deliveryAddress.street1(),
            Objects.requireNonNullElse(deliveryAddress.street2(), "\u0000"), deliveryAddress.city(), deliveryAddress.postalCode(),
            deliveryAddress.country(), deliverAt.truncatedTo(ChronoUnit.MICROS).toString()));
        fields.add(Integer.toString(lineItems.items().size()));
        for (OrderedItem item : lineItems.items()) {
            fields.addAll(List.of(item.menuItemId().value(), Integer.toString(item.quantity())));
        }
        String canonical = String.join("\u001f", fields);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
