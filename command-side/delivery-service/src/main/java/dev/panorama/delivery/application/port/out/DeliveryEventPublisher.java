package dev.panorama.delivery.application.port.out;

import dev.panorama.delivery.application.port.in.CorrelationId;
import dev.panorama.delivery.domain.DeliveryEvent;

import java.util.List;

/** Publishes a delivery's events; they go out if, and only if, the caller's transaction commits. */
public interface DeliveryEventPublisher {

    void publish(List<DeliveryEvent> events, CorrelationId correlationId);
}
