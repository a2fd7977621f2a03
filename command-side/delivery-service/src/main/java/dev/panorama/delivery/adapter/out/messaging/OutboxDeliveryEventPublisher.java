package dev.panorama.delivery.adapter.out.messaging;

import dev.panorama.delivery.application.port.in.CorrelationId;
import dev.panorama.delivery.application.port.out.DeliveryEventPublisher;
import dev.panorama.delivery.domain.DeliveryEvent;
import dev.panorama.outbox.Outbox;

import java.util.List;

/** Appends the events to the transactional outbox; the library's relay takes them to Kafka. */
final class OutboxDeliveryEventPublisher implements DeliveryEventPublisher {

    private final Outbox outbox;
    private final DeliveryEventMapper mapper;

    OutboxDeliveryEventPublisher(Outbox outbox, DeliveryEventMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Override
    public void publish(List<DeliveryEvent> events, CorrelationId correlationId) {
        events.forEach(event -> outbox.append(mapper.toOutboxEvent(event, correlationId)));
    }
}
