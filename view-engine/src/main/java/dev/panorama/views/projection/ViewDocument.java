package dev.panorama.views.projection;

import java.util.Map;

/**
 * A document of a view. {@link #sourceVersions()} is its version vector: for every source aggregate
 * it was rendered from ({@code order:<id>}), the aggregate version it reflects. A sink writes a newly
 * rendered document only when its vector is ahead of the stored one, which makes redelivered and
 * reordered events harmless.
 */
public interface ViewDocument {

    String id();

    Map<String, Long> sourceVersions();
}
