package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.Reason;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the order */
public record RejectOrderCommand(OrderId orderId, Reason reason, OptionalLong expectedVersion, CorrelationId correlationId) {

    public RejectOrderCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
