package dev.panorama.outbox.relay;

import dev.panorama.outbox.OutboxEvent;

import java.util.Objects;

/**
 * An event in the outbox that is not yet known to be published.
 *
 * @param position the outbox's monotonically increasing row number; publication follows it
 */
public record PendingEvent(long position, String topic, OutboxEvent event) {

    public PendingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
    }

    /** Events of one aggregate must reach Kafka in the order of their positions. */
    public String aggregateKey() {
        return event.aggregateType() + "/" + event.aggregateId();
    }
}
