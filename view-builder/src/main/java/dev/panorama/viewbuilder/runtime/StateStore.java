package dev.panorama.viewbuilder.runtime;

import dev.panorama.viewbuilder.event.SourceKey;
import dev.panorama.viewbuilder.projection.States;
import dev.panorama.viewbuilder.state.AggregateState;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a view builder keeps its replicas of the source aggregates. Reads are consistent (a state
 * saved is visible to the next query), which fan-out lookups depend on.
 */
public interface StateStore extends States {

    /** The states of these aggregates that exist, by source key. One round trip. */
    Map<SourceKey, AggregateState> load(Collection<SourceKey> keys);

    /**
     * Saves new states, each only if the stored version is still the one it was folded from.
     *
     * @throws StateConflictException when another writer moved one of them on meanwhile
     */
    void save(List<StateUpdate> updates);

    /** A state to save, folded from the stored version {@code expectedVersion} (0: there was none). */
    record StateUpdate(AggregateState state, long expectedVersion) {
    }

    final class StateConflictException extends RuntimeException {

        public StateConflictException(String message) {
            super(message);
        }
    }
}
