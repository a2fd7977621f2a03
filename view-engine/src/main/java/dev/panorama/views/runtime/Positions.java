package dev.panorama.views.runtime;

import java.time.Instant;

/**
 * How far the view builder got, per topic partition: the next offset to apply, when the last applied
 * event happened, and the last heartbeat's round trip. The query API reads these to report lag.
 */
public interface Positions {

    void applied(String topic, int partition, long nextOffset, Instant lastEventAt, Instant appliedAt);

    void heartbeatSeen(String topic, int partition, Instant emittedAt, Instant seenAt);
}
