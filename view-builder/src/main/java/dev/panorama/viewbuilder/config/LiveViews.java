package dev.panorama.viewbuilder.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.panorama.views.adapter.elasticsearch.ElasticsearchDocumentStore;
import dev.panorama.views.adapter.elasticsearch.ViewIndexes;
import dev.panorama.views.adapter.mongo.MongoDocumentStore;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.StateStore;
import dev.panorama.views.runtime.ViewMaintainer;
import dev.panorama.views.runtime.ViewTarget;
import dev.panorama.views.runtime.ViewVersions.VersionSet;
import dev.panorama.views.runtime.ViewVersions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The view versions the live builder keeps up to date: every version the registry names for a view
 * (active, being built, kept for a rollback), re-read at most every {@code refresh}. A version registered
 * by a rebuild is written from the next batch on, which is what lets the rebuild hand over without a gap.
 */
final class LiveViews implements Supplier<ViewMaintainer> {

    /** Per consumer thread, the view versions it maintains and when it last said so; read by the rebuild tool. */
    static final String ACKNOWLEDGEMENTS = "view_builder_acknowledgements";

    private static final Logger log = LoggerFactory.getLogger(LiveViews.class);

    private final ViewCatalog catalog;
    private final ViewVersions registry;
    private final StateStore states;
    private final ElasticsearchClient elasticsearch;
    private final MongoDatabase database;
    private final ViewBuilderProperties properties;
    private final Duration refresh;
    private final Clock clock;
    private final Set<String> unknownReported = new HashSet<>();
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Instant> acknowledgedAt = new HashMap<>();
    private Instant checkedAt = Instant.EPOCH;
    private Set<String> maintained = Set.of();
    private ViewMaintainer maintainer;

    private final MongoCollection<Document> acknowledgements;

    LiveViews(ViewCatalog catalog, ViewVersions registry, StateStore states, ElasticsearchClient elasticsearch, MongoDatabase database,
              ViewBuilderProperties properties, Clock clock) {
        this.acknowledgements = database.getCollection(properties.namePrefix() + ACKNOWLEDGEMENTS);
        this.catalog = catalog;
        this.registry = registry;
        this.states = states;
        this.elasticsearch = elasticsearch;
        this.database = database;
        this.properties = properties;
        this.refresh = properties.versionsRefresh();
        this.clock = clock;
        // A new installation serves each view's first version.
        for (ViewCatalog.Entry first : catalog.firstVersions()) {
            VersionSet set = registry.createIfAbsent(first.view(), first.version());
            if (first.sink() == ViewCatalog.Sink.ELASTICSEARCH) {
                ViewIndexes.ensure(elasticsearch, properties.viewName(first.view()), first.view(), set.active(), properties.indexReplicas());
            }
        }
    }

    @Override
    public synchronized ViewMaintainer get() {
        Instant now = clock.instant();
        if (maintainer == null || !now.isBefore(checkedAt.plus(refresh))) {
            checkedAt = now;
            List<ViewCatalog.Entry> entries = maintainedEntries();
            Set<String> names = new TreeSet<>();
            entries.forEach(entry -> names.add(entry.view() + "@v" + entry.version()));
            if (maintainer == null || !names.equals(maintained)) {
                log.info("maintaining view versions {}", names);
                maintainer = new ViewMaintainer(entries.stream().map(this::target).toList(), states, properties.maxConflictRetries(),
                    ViewMaintainer.DEFAULT_KNOWN_DOCUMENTS);
                maintained = names;
            }
        }
        acknowledge(now);
        return maintainer;
    }

    /**
     * Tells the rebuild tool, per consumer thread, which versions this thread's batches write from now on.
     * A thread asks at the start of every batch, after its previous batch was committed; so once every
     * member of the group has acknowledged a version, everything after the group's committed offsets is
     * written to it. Heartbeat records reach every partition, so an idle member asks too.
     */
    private void acknowledge(Instant now) {
        String thread = instance + "/" + Thread.currentThread().getName();
        Instant last = acknowledgedAt.get(thread);
        if (last != null && now.isBefore(last.plus(refresh)) && !last.isBefore(checkedAt)) {
            return;
        }
        acknowledgedAt.put(thread, now);
        acknowledgements.replaceOne(Filters.eq("_id", thread), new Document("_id", thread).append("group", properties.groupId())
            .append("maintained", List.copyOf(maintained)).append("seenAt", Date.from(now)), new ReplaceOptions().upsert(true));
    }

    private List<ViewCatalog.Entry> maintainedEntries() {
        List<ViewCatalog.Entry> entries = new ArrayList<>();
        registry.all().values().stream().filter(set -> catalog.views().contains(set.view())).forEach(set -> {
            for (int version : set.maintained()) {
                catalog.find(set.view(), version).ifPresentOrElse(entries::add, () -> {
                    if (unknownReported.add(set.view() + "@v" + version)) {
                        log.error("the registry names {} v{}, which this release does not know: it is not maintained here; "
                            + "deploy the release that has it before rebuilding or switching to it", set.view(), version);
                    }
                });
            }
        });
        return entries;
    }

    private ViewTarget target(ViewCatalog.Entry entry) {
        String name = properties.viewName(entry.view());
        DocumentStore sink = switch (entry.sink()) {
            case ELASTICSEARCH -> {
                ViewIndexes.ensureVersion(elasticsearch, name, entry.view(), entry.version(), properties.indexReplicas());
                yield new ElasticsearchDocumentStore(elasticsearch, ViewIndexes.indexName(name, entry.version()));
            }
            case MONGODB -> MongoDocumentStore.ofView(database, name, entry.view(), entry.version());
        };
        return new ViewTarget(entry.projection(), entry.version(), sink);
    }
}
