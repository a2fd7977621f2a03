package dev.panorama.order.application.port.in;

import dev.panorama.order.domain.OrderId;

public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(OrderId orderId) {
        super("no order " + orderId);
    }
}
