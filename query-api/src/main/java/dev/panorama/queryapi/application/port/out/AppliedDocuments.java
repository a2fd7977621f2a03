package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.DocumentSelector;
import dev.panorama.queryapi.application.View;

/**
 * Whether a view's documents reflect a source version, read with the same visibility as the view's
 * queries (for Elasticsearch: search, not real-time get).
 */
public interface AppliedDocuments {

    /** True when this adapter holds {@code view}. */
    boolean holds(View view);

    /**
     * True when at least one document matches {@code selector} (when it selects by id: every id is
     * present) and every matching document's version vector has {@code sourceKey} at {@code version}
     * or later.
     */
    boolean reflect(View view, DocumentSelector selector, String sourceKey, long version);
}
