package dev.panorama.views.runtime;

import java.time.Instant;
import java.util.List;

/**
 * How far the view builder got, per topic partition: the next offset to apply, when the last applied
 * event happened, and the last heartbeat's round trip. The query API reads these to report lag.
 */
public interface Positions {

    /** Records one batch's positions, one per partition, in one round trip where the store allows it. */
    void applied(List<Applied> partitions);

    /**
     * A partition applied up to (not including) {@code nextOffset}.
     *
     * @param heartbeat the last heartbeat among the applied records, or {@code null}
     */
    record Applied(String topic, int partition, long nextOffset, Instant lastEventAt, Instant appliedAt, HeartbeatSeen heartbeat) {
    }

    /** A heartbeat emitted at {@code emittedAt} reached the views at {@code seenAt}. */
    record HeartbeatSeen(Instant emittedAt, Instant seenAt) {
    }
}
