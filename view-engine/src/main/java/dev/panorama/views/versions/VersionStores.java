package dev.panorama.views.versions;

import dev.panorama.views.projection.ViewCatalog;

/** The indexes and collections of view versions, as far as moving readers between them needs them. */
public interface VersionStores {

    /**
     * Points readers at {@code entry}'s version. Elasticsearch: the alias moves in one request. MongoDB:
     * readers follow the registry's active version, which the caller switches next.
     */
    void pointReadersAt(ViewCatalog.Entry entry);

    /** Deletes a version's index or collection: the end of a rollback window, or an abandoned rebuild. */
    void drop(ViewCatalog.Entry entry);
}
