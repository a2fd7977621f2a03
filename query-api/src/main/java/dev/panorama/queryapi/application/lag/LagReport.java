package dev.panorama.queryapi.application.lag;

import dev.panorama.queryapi.application.View;

import java.time.Instant;
import java.util.List;

/** Replication lag of every view, per partition of the topics it is built from. */
public record LagReport(Instant at, List<ViewLag> views) {

    /**
     * @param messageLag the sum over the view's partitions of messages not applied yet
     * @param timeLagMillis the largest time lag of its partitions
     */
    public record ViewLag(View view, LagStatus status, long messageLag, long timeLagMillis, HeartbeatStats heartbeat,
                          List<PartitionLag> partitions) {
    }

    /**
     * @param appliedOffset the next offset the view builder will apply (everything before it is applied)
     * @param logEndOffset the next offset to be written to the partition (committed records)
     * @param timeLagMillis 0 when caught up, else how long ago the last applied event occurred
     * @param heartbeatRoundTripMillis the last heartbeat's trip from emission to applied, or null
     */
    public record PartitionLag(String topic, int partition, long appliedOffset, long logEndOffset, long messageLag, Instant lastEventAt,
                               Instant appliedAt, long timeLagMillis, Long heartbeatRoundTripMillis, LagStatus status) {
    }

    /** Heartbeat round trips over the recent window (nulls when none was seen). */
    public record HeartbeatStats(Long lastMillis, Long p50Millis, Long p99Millis, int samples) {
    }
}
