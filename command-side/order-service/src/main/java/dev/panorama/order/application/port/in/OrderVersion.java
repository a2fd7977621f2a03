package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.OrderId;

import java.util.Objects;

/** What a successful command answers: the order and its version after the command, the client's consistency token. */
public record OrderVersion(OrderId orderId, long version) {

    public OrderVersion {
        Objects.requireNonNull(orderId, "orderId");
    }
}
