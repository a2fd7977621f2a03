package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.OrderedItems;

import java.util.Objects;
import java.util.OptionalLong;

/** @param expectedVersion when present, the command applies only to that version of the order */
public record ReviseOrderCommand(OrderId orderId, OrderedItems lineItems, OptionalLong expectedVersion, CorrelationId correlationId) {

    public ReviseOrderCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineItems, "lineItems");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
