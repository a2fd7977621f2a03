package dev.panorama.delivery.application.port.in;

import dev.panorama.delivery.domain.OrderId;

public class OrderAlreadyScheduledException extends BusinessRuleViolationException {

    public OrderAlreadyScheduledException(OrderId orderId) {
        super("order " + orderId + " already has a delivery");
    }
}
