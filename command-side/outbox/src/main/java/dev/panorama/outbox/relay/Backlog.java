package dev.panorama.outbox.relay;

import java.time.Duration;

/**
 * What is waiting to be published.
 *
 * @param oldestAge how long the oldest unpublished event has been in the outbox, zero when none is
 */
public record Backlog(long events, Duration oldestAge) {

    public static final Backlog EMPTY = new Backlog(0, Duration.ZERO);
}
