package dev.panorama.restaurant.application.port.out;

import dev.panorama.restaurant.application.port.in.CorrelationId;
import dev.panorama.restaurant.domain.RestaurantEvent;

import java.util.List;

/** Publishes a restaurant's events; they go out if, and only if, the caller's transaction commits. */
public interface RestaurantEventPublisher {

    void publish(List<RestaurantEvent> events, CorrelationId correlationId);
}
