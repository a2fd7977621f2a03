package dev.panorama.queryapi.application;

import java.time.Instant;

/**
 * The view builder's position on one partition, as it records it after every acknowledged batch.
 *
 * @param nextOffset the next offset to apply (everything before it is applied)
 * @param lastEventAt when the last applied event occurred
 * @param appliedAt when the view builder last recorded progress
 * @param heartbeat the last heartbeat seen through the pipeline, or null
 */
public record PartitionPosition(String topic, int partition, long nextOffset, Instant lastEventAt, Instant appliedAt, Heartbeat heartbeat) {

    public record Heartbeat(Instant emittedAt, Instant seenAt, long roundTripMillis) {
    }
}
