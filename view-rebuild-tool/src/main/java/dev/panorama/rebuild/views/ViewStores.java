package dev.panorama.rebuild.views;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import dev.panorama.views.adapter.VersionedViewStores;
import dev.panorama.views.adapter.elasticsearch.ElasticsearchDocumentStore;
import dev.panorama.views.adapter.elasticsearch.ViewIndexes;
import dev.panorama.views.adapter.mongo.MongoDocumentStore;
import dev.panorama.views.adapter.mongo.MongoViewVersions;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.StoredView;
import dev.panorama.views.runtime.ViewVersions;
import dev.panorama.views.versions.VersionSwitch;

import com.mongodb.client.model.Filters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The stores of the views, named as the live view builder names them ({@code <prefix><view>} aliases,
 * {@code <prefix><view>-v<N>} indexes, {@code <prefix><view_with_underscores>_v<N>} collections), and the
 * registry of their versions.
 */
public final class ViewStores {

    /** Written by the live view builder: per consumer thread, the versions it maintains (see its LiveViews). */
    static final String ACKNOWLEDGEMENTS = "view_builder_acknowledgements";

    private final ElasticsearchClient elasticsearch;
    private final MongoDatabase database;
    private final String namePrefix;
    private final int indexReplicas;
    private final ViewVersions registry;
    private final VersionedViewStores versions;

    public ViewStores(ElasticsearchClient elasticsearch, MongoDatabase database, String namePrefix, int indexReplicas) {
        this.elasticsearch = elasticsearch;
        this.database = database;
        this.namePrefix = namePrefix;
        this.indexReplicas = indexReplicas;
        this.registry = new MongoViewVersions(database, namePrefix);
        this.versions = new VersionedViewStores(elasticsearch, database, namePrefix);
    }

    public ViewVersions registry() {
        return registry;
    }

    public MongoDatabase database() {
        return database;
    }

    public String namePrefix() {
        return namePrefix;
    }

    /** What each live consumer thread of {@code group} said it maintains, if it said so at {@code since} or later. */
    public List<List<String>> acknowledgements(String group, Instant since) {
        List<List<String>> found = new ArrayList<>();
        database.getCollection(namePrefix + ACKNOWLEDGEMENTS).find(Filters.and(Filters.eq("group", group), Filters.gte("seenAt", Date.from(since))))
            .forEach(document -> found.add(document.getList("maintained", String.class)));
        return found;
    }

    /** Where a version's documents live, for messages: {@code index order-history-v2}. */
    public String describe(ViewCatalog.Entry entry) {
        return versions.describe(entry);
    }

    /** Creates the version's index (with its published mapping, without the readers' alias) or collection, if absent. */
    public void prepare(ViewCatalog.Entry entry) {
        if (entry.sink() == ViewCatalog.Sink.ELASTICSEARCH) {
            ViewIndexes.ensureVersion(elasticsearch, name(entry), entry.view(), entry.version(), indexReplicas);
        }
    }

    /** Whether the version's index or collection holds anything yet. */
    public boolean exists(ViewCatalog.Entry entry) {
        try {
            return switch (entry.sink()) {
                case ELASTICSEARCH -> elasticsearch.indices().exists(exists -> exists.index(ViewIndexes.indexName(name(entry), entry.version()))).value();
                case MONGODB -> database.listCollectionNames().into(new java.util.ArrayList<>())
                    .contains(MongoDocumentStore.collectionName(name(entry), entry.version()));
            };
        } catch (IOException e) {
            throw new UncheckedIOException("checking " + describe(entry) + " failed: " + e.getMessage(), e);
        }
    }

    /** Writes and reads of one version, conditional as the live builder's. */
    public VersionStore store(ViewCatalog.Entry entry) {
        return switch (entry.sink()) {
            case ELASTICSEARCH -> {
                var store = new ElasticsearchDocumentStore(elasticsearch, ViewIndexes.indexName(name(entry), entry.version()));
                yield new VersionStore(store, store);
            }
            case MONGODB -> {
                var store = MongoDocumentStore.ofView(database, name(entry), entry.view(), entry.version());
                yield new VersionStore(store, store);
            }
        };
    }

    /** One version's store, as the writer and as the reader it is. */
    public record VersionStore(DocumentStore writes, StoredView reads) {
    }

    /** The rules that move readers between versions, over these stores and their registry. */
    public VersionSwitch versionSwitch(ViewCatalog catalog, Clock clock) {
        return new VersionSwitch(catalog, registry, versions, clock);
    }

    private String name(ViewCatalog.Entry entry) {
        return versions.name(entry);
    }
}
