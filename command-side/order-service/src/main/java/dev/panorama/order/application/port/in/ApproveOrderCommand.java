package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.OrderId;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the order */
public record ApproveOrderCommand(OrderId orderId, OptionalLong expectedVersion, CorrelationId correlationId) {

    public ApproveOrderCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
