package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.Address;
import dev.panorama.delivery.domain.OrderId;
import dev.panorama.delivery.domain.RestaurantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Schedule the delivery of an order. Valid by construction: the value types check themselves.
 *
 * @param readyBy        when the restaurant expects the order to be ready for the courier
 * @param idempotencyKey when present, a retry with the same key and body answers the first result
 */
public record ScheduleDeliveryCommand(OrderId orderId, RestaurantId restaurantId, Address deliveryAddress, Instant readyBy,
                                      Optional<IdempotencyKey> idempotencyKey, CorrelationId correlationId) {

    public ScheduleDeliveryCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(deliveryAddress, "deliveryAddress");
        Objects.requireNonNull(readyBy, "readyBy");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Identifies the request body, so that a key reused for a different schedule is recognised. */
    public String fingerprint() {
        // Unit separator between fields, a NUL for an absent one: no two different bodies give the same text.
        // readyBy at the precision the delivery keeps, so that a retry is recognised however the client wrote the time.
        String canonical = Stream.of(orderId.toString(), restaurantId.toString(), deliveryAddress.street1(), deliveryAddress.street2(),
                deliveryAddress.city(), deliveryAddress.postalCode(), deliveryAddress.country(), readyBy.truncatedTo(ChronoUnit.MICROS).toString())
            .map(field -> field == null ? "\u0000" : field)
            .collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
