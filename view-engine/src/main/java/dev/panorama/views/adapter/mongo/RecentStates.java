package dev.panorama.views.adapter.mongo;

import dev.panorama.views.state.AggregateState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states a store read or saved lately, by id, the most recently used kept. A state is named by its id
 * and version whoever wrote it: a version is saved once (compare-and-set on the version), as the fold of
 * the same events. So a state found here at the version the store holds now is the stored one, and a
 * fan-out that needs every order of a consumer decodes only those that changed.
 */
final class RecentStates {

    private final Map<String, AggregateState> byId;

    RecentStates(int capacity) {
        this.byId = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AggregateState> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The state of {@code id} at {@code version}, or null when it is not held at that version. */
    synchronized AggregateState at(String id, long version) {
        AggregateState state = byId.get(id);
        return state != null && state.version() == version ? state : null;
    }

    synchronized void remember(AggregateState state) {
        byId.merge(state.source().toString(), state, (held, offered) -> offered.version() >= held.version() ? offered : held);
    }
}
