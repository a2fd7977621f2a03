package dev.panorama.restaurant.adapter.out.messaging;

import dev.panorama.outbox.Outbox;
import dev.panorama.restaurant.application.port.in.CorrelationId;
import dev.panorama.restaurant.application.port.out.RestaurantEventPublisher;
import dev.panorama.restaurant.domain.RestaurantEvent;

import java.util.List;

/** Appends the events to the transactional outbox; the library's relay takes them to Kafka. */
final class OutboxRestaurantEventPublisher implements RestaurantEventPublisher {

    private final Outbox outbox;
    private final RestaurantEventMapper mapper;

    OutboxRestaurantEventPublisher(Outbox outbox, RestaurantEventMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Override
    public void publish(List<RestaurantEvent> events, CorrelationId correlationId) {
        events.forEach(event -> outbox.append(mapper.toOutboxEvent(event, correlationId)));
    }
}
