package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.OrderId;

/** The client acted on a version of the order that is no longer the current one. */
public class StaleOrderVersionException extends RuntimeException {

    public StaleOrderVersionException(OrderId orderId, long expected, long current) {
        super("order " + orderId + " is at version " + current + ", not " + expected);
    }
}
