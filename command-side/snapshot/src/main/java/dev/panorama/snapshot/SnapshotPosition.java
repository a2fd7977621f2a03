package dev.panorama.snapshot;

import java.time.Instant;
import java.util.Objects;

/**
 * What a snapshot is consistent with.
 *
 * @param takenAt             the database's {@code transaction_timestamp()} of the snapshot's transaction
 * @param outboxHighWaterMark the highest outbox position visible to that transaction (0 when it saw none): every
 *                            event of the outbox at or below it that the snapshot saw is included in the states
 */
public record SnapshotPosition(Instant takenAt, long outboxHighWaterMark) {

    public SnapshotPosition {
        Objects.requireNonNull(takenAt, "takenAt");
        if (outboxHighWaterMark < 0) {
            throw new IllegalArgumentException("outboxHighWaterMark must be 0 or more: " + outboxHighWaterMark);
        }
    }
}
