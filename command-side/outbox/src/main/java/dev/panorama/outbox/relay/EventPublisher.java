package dev.panorama.outbox.relay;

import java.util.List;
import java.util.Set;

/** Where the relay publishes events: a broker that acknowledges each one. */
public interface EventPublisher extends AutoCloseable {

    /**
     * Publishes the events in the given order and waits until the broker has acknowledged or refused
     * each one sent. Once one event of an aggregate is refused, no later event of that aggregate in
     * the list is sent. A refusal is an answer, not an exception.
     *
     * @return the positions of the events the broker acknowledged
     */
    Set<Long> publish(List<PendingEvent> events);

    @Override
    void close();
}
