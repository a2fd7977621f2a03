package dev.panorama.queryapi.application.lag;

import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.VersionSet;
import dev.panorama.queryapi.application.View;

import java.time.Instant;
import java.util.List;

/** Replication lag of every view, per partition of the topics it is built from. */
public record LagReport(Instant at, List<ViewLag> views) {

    /**
     * @param messageLag the sum over the view's partitions of messages not applied yet
     * @param timeLagMillis the largest time lag of its partitions
     * @param versions the view's versions in the rebuild tool's registry ({@link VersionSet#INITIAL} without an entry)
     * @param rebuild the rebuild of the version being built, or null when none is under way
     */
    public record ViewLag(View view, LagStatus status, long messageLag, long timeLagMillis, HeartbeatStats heartbeat,
                          List<PartitionLag> partitions, VersionSet versions, Rebuild rebuild) {
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
