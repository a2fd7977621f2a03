package dev.panorama.consumer.application.port.out;

import dev.panorama.consumer.application.port.in.CorrelationId;
import dev.panorama.consumer.domain.ConsumerEvent;

import java.util.List;

/** Publishes a consumer's events; they go out if, and only if, the caller's transaction commits. */
public interface ConsumerEventPublisher {

    void publish(List<ConsumerEvent> events, CorrelationId correlationId);
}
