package dev.panorama.consumer.adapter.out.messaging;

import dev.panorama.consumer.application.port.in.CorrelationId;
import dev.panorama.consumer.application.port.out.ConsumerEventPublisher;
import dev.panorama.consumer.domain.ConsumerEvent;
import dev.panorama.outbox.Outbox;

import java.util.List;

/** Appends the events to the transactional outbox; the library's relay takes them to Kafka. */
final class OutboxConsumerEventPublisher implements ConsumerEventPublisher {

    private final Outbox outbox;
    private final ConsumerEventMapper mapper;

    OutboxConsumerEventPublisher(Outbox outbox, ConsumerEventMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Override
    public void publish(List<ConsumerEvent> events, CorrelationId correlationId) {
        events.forEach(event -> outbox.append(mapper.toOutboxEvent(event, correlationId)));
    }
}
