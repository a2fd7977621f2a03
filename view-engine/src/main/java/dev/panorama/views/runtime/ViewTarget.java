package dev.panorama.views.runtime;

import dev.panorama.views.projection.ViewProjection;

import java.util.List;
import java.util.Map;

/**
 * One version of a view and the sink that holds it. While a rebuild runs, or during a rollback window,
 * a view has more than one version and the live builder keeps each of them up to date.
 */
public record ViewTarget(ViewProjection<?> projection, int version, DocumentStore sink) {

    public ViewTarget {
        if (version < 1) {
            throw new IllegalArgumentException("view versions start at 1: " + version);
        }
    }

    /** {@code order-history@v2}: how logs and errors name a target. */
    public String name() {
        return projection.view() + "@v" + version;
    }

    /** Version 1 of each of these projections, in the sink of the same view name. */
    public static List<ViewTarget> firstVersions(List<ViewProjection<?>> projections, Map<String, DocumentStore> sinks) {
        return projections.stream().map(projection -> {
            DocumentStore sink = sinks.get(projection.view());
            if (sink == null) {
                throw new IllegalArgumentException("no sink for view " + projection.view());
            }
            return new ViewTarget(projection, 1, sink);
        }).toList();
    }
}
