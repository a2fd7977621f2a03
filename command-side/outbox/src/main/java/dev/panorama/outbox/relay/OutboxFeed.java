package dev.panorama.outbox.relay;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The relay's side of the outbox: who may publish it, what is unpublished, and the record of what
 * was published. One relay thread uses an instance; it is not shared between threads.
 */
public interface OutboxFeed extends AutoCloseable {

    /**
     * Tries to become, or confirms being, the one relay that publishes this outbox. Leadership lasts
     * until this feed is closed or loses its store; only a leader reads, marks and purges.
     */
    boolean lead();

    /** Up to {@code limit} unpublished events, in position order. */
    List<PendingEvent> unpublished(int limit);

    /**
     * Records the events as published.
     *
     * @return for each event marked, how long it took from being written to being published
     */
    List<Duration> markPublished(Collection<Long> positions);

    Backlog backlog();

    /** Deletes published events older than the retention; unpublished events are never deleted. */
    int purgePublishedOlderThan(Duration retention);

    /**
     * Waits until events are appended or the timeout passes.
     *
     * @return whether the wait ended because events were appended
     */
    boolean awaitAppended(Duration timeout);

    /** Gives up leadership and releases the store. */
    @Override
    void close();
}
