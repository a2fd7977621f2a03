package dev.panorama.views.adapter;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import dev.panorama.views.adapter.elasticsearch.ViewIndexes;
import dev.panorama.views.adapter.mongo.MongoDocumentStore;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.versions.VersionStores;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The versions' indexes and collections, named as the live view builder names them: {@code <prefix><view>}
 * aliases over {@code <prefix><view>-v<N>} indexes, {@code <prefix><view_with_underscores>_v<N>} collections.
 */
public final class VersionedViewStores implements VersionStores {

    private final ElasticsearchClient elasticsearch;
    private final MongoDatabase database;
    private final String namePrefix;

    public VersionedViewStores(ElasticsearchClient elasticsearch, MongoDatabase database, String namePrefix) {
        this.elasticsearch = elasticsearch;
        this.database = database;
        this.namePrefix = namePrefix;
    }

    /** Where a version's documents live, for messages: {@code Elasticsearch index order-history-v2}. */
    public String describe(ViewCatalog.Entry entry) {
        return switch (entry.sink()) {
            case ELASTICSEARCH -> "Elasticsearch index " + ViewIndexes.indexName(name(entry), entry.version());
            case MONGODB -> "MongoDB collection " + MongoDocumentStore.collectionName(name(entry), entry.version());
        };
    }

    @Override
    public void pointReadersAt(ViewCatalog.Entry entry) {
        if (entry.sink() == ViewCatalog.Sink.ELASTICSEARCH) {
            ViewIndexes.switchAlias(elasticsearch, name(entry), entry.version());
        }
    }

    @Override
    public void drop(ViewCatalog.Entry entry) {
        try {
            switch (entry.sink()) {
                case ELASTICSEARCH -> {
                    String index = ViewIndexes.indexName(name(entry), entry.version());
                    if (elasticsearch.indices().exists(exists -> exists.index(index)).value()) {
                        elasticsearch.indices().delete(delete -> delete.index(index));
                    }
                }
                case MONGODB -> database.getCollection(MongoDocumentStore.collectionName(name(entry), entry.version())).drop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dropping " + describe(entry) + " failed: " + e.getMessage(), e);
        }
    }

    /** The alias, or the stem of the collection name, of a view: {@code <prefix><view>}. */
    public String name(ViewCatalog.Entry entry) {
        return namePrefix + entry.view();
    }
}
