package dev.panorama.snapshot;

import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One aggregate in a snapshot: its id, the version it is at (the {@code aggregateVersion} of its last
 * event), and its state in the vocabulary of the event payloads ({@code schemas/snapshots/<type>.state.v1}).
 */
public record SnapshotRecord(String aggregateId, long aggregateVersion, ObjectNode state) {

    public SnapshotRecord {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(state, "state");
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be 1 or more: " + aggregateVersion);
        }
    }
}
