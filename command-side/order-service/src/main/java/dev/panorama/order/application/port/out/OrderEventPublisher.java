package dev.panorama.order.application.port.out;

import dev.panorama.order.application.port.in.CorrelationId;
import dev.panorama.order.domain.OrderEvent;

import java.util.List;

/** Publishes an order's events; they go out if, and only if, the caller's transaction commits. */
public interface OrderEventPublisher {

    void publish(List<OrderEvent> events, CorrelationId correlationId);
}
