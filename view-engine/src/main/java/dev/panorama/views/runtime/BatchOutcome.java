package dev.panorama.views.runtime;

import dev.panorama.views.event.DomainEvent;

import java.util.List;
import java.util.Map;

/**
 * What one batch did.
 *
 * @param applied events that moved a state on
 * @param alreadyApplied duplicates and older events, skipped
 * @param parked events that must wait behind a missing earlier version of their aggregate
 * @param documentsWritten per view, documents created or replaced
 * @param conflictsRetried conditional writes that lost a race and were rendered again
 */
public record BatchOutcome(int applied, int alreadyApplied, List<DomainEvent> parked, Map<String, Integer> documentsWritten,
                           int conflictsRetried) {
}
