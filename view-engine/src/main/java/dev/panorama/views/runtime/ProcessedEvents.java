package dev.panorama.views.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The ids of events whose every effect is already written, kept for a retention period. A redelivered
 * event found here is skipped before any state or document is read. Correctness does not rest on it —
 * the version vectors make a reapplied event change nothing — it saves the work of finding that out.
 * An event is recorded only after its writes were acknowledged, so a recorded event is never one whose
 * documents are missing.
 */
public interface ProcessedEvents {

    /** Which of these events are recorded. One round trip. */
    Set<UUID> known(Collection<UUID> eventIds);

    void record(Collection<UUID> eventIds, Instant appliedAt);
}
