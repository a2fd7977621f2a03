package dev.panorama.views.runtime;

import dev.panorama.views.runtime.DocumentStore.Stored;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The version vectors and write tokens this builder last saw for the documents of one view: what it
 * wrote, or read while deciding. A hit saves the read before a write (for Elasticsearch a real-time
 * multi-get, which refreshes the shard whenever it asks for a document written since the last refresh).
 *
 * <p>It may be stale, never wrong in a harmful way: stored vectors only move forward (a document is
 * replaced only by one whose vector is ahead), so a cached vector that already covers a render means
 * the stored one does too; and a write based on a stale token fails its condition, the document is
 * forgotten here and read afresh from the store before it is rendered again. Bounded, least recently
 * used first out.
 */
final class KnownDocuments {

    private final Map<String, Stored> documents;

    KnownDocuments(int capacity) {
        this.documents = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Map<String, Stored> get(Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        for (String id : ids) {
            Stored stored = documents.get(id);
            if (stored != null) {
                found.put(id, stored);
            }
        }
        return found;
    }

    synchronized void remember(Map<String, Stored> stored) {
        documents.putAll(stored);
    }

    synchronized void forget(Collection<String> ids) {
        ids.forEach(documents::remove);
    }
}
