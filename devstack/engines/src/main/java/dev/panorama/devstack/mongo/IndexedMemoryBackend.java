package dev.panorama.devstack.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/**
 * The embedded server's in-memory backend, with its secondary indexes kept ({@link EqualityIndex}) instead of ignored,
 * and string conditions checked by set lookups ({@link StringConditions}) instead of list walks.
 */
final class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        CursorRegistry cursors = getCursorRegistry();
        return new MemoryDatabase(databaseName, cursors) {
            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return new EqualityIndex<>(indexName, keys, sparse);
            }

            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new StringMatchingCollection(this, collectionName, options, cursors);
            }
        };
    }

    /** Checks the candidates of one query with the conditions compiled once for it. */
    private static final class StringMatchingCollection extends MemoryCollection {

        private Document lastQuery;
        private StringConditions lastConditions;

        StringMatchingCollection(MemoryDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected synchronized boolean documentMatchesQuery(Document document, Document query) {
            if (query != lastQuery) {
                lastQuery = query;
                lastConditions = StringConditions.of(query);
            }
            Boolean matches = lastConditions == null ? null : lastConditions.matches(document);
            return matches != null ? matches : super.documentMatchesQuery(document, query);
        }
    }
}
