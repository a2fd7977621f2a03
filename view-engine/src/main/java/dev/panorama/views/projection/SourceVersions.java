package dev.panorama.views.projection;

import dev.panorama.views.state.AggregateState;

import java.util.Map;
import java.util.TreeMap;

/** Collects the version vector of a document while it is rendered. */
final class SourceVersions {

    private final Map<String, Long> versions = new TreeMap<>();

    SourceVersions read(AggregateState state) {
        versions.put(state.source().toString(), state.version());
        return this;
    }

    Map<String, Long> toMap() {
        return Map.copyOf(versions);
    }
}
