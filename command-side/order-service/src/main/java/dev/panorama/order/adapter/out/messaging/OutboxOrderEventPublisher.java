package dev.panorama.order.adapter.out.messaging;

import dev.panorama.order.application.port.in.CorrelationId;
import dev.panorama.order.application.port.out.OrderEventPublisher;
import dev.panorama.order.domain.OrderEvent;
import dev.panorama.outbox.Outbox;

import java.util.List;

/** Appends the events to the transactional outbox; the library's relay takes them to Kafka. */
final class OutboxOrderEventPublisher implements OrderEventPublisher {

    private final Outbox outbox;
    private final OrderEventMapper mapper;

    OutboxOrderEventPublisher(Outbox outbox, OrderEventMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Override
    public void publish(List<OrderEvent> events, CorrelationId correlationId) {
        events.forEach(event -> outbox.append(mapper.toOutboxEvent(event, correlationId)));
    }
}
