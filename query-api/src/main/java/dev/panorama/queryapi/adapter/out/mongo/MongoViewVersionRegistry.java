package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.VersionSet;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.ViewVersionRegistry;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The rebuild tool's registry, {@code <prefix>view_versions} ({@code {_id: "order-history", version: 2,
 * building: 3, previous: 1, revision, changedAt}}; older documents hold only {@code _id} and {@code version}),
 * and its checkpoints, {@code <prefix>view_rebuilds} ({@code {_id: "order-history@v3", phase, startedAt,
 * updatedAt, progress: {step, done, total, perSecond, etaSeconds, at}}}). Read uncached, like the positions
 * the lag is measured from: one query per collection whatever the number of views.
 */
public final class MongoViewVersionRegistry implements ViewVersionRegistry {

    public static final String REBUILDS = "view_rebuilds";

    private final MongoCollection<Document> registry;
    private final MongoCollection<Document> rebuilds;

    public MongoViewVersionRegistry(MongoDatabase database, String namePrefix) {
        this.registry = database.getCollection(namePrefix + MongoViewCollections.POINTERS);
        this.rebuilds = database.getCollection(namePrefix + REBUILDS);
    }

    @Override
    public Map<View, VersionSet> versions(Collection<View> views) {
        Map<String, View> byId = new HashMap<>();
        views.forEach(view -> byId.put(view.id(), view));
        return MongoStores.call("reading the view versions", () -> {
            Map<View, VersionSet> versions = new EnumMap<>(View.class);
            for (Document document : registry.find(Filters.in("_id", byId.keySet()))) {
                Integer active = integer(document, "version");
                versions.put(byId.get(document.getString("_id")), new VersionSet(active == null ? 1 : active,
                    integer(document, "building"), integer(document, "previous")));
            }
            return versions;
        });
    }

    @Override
    public Map<View, Rebuild> rebuilds(Map<View, Integer> versions) {
        Map<String, View> byId = new HashMap<>();
        versions.forEach((view, version) -> byId.put(id(view, version), view));
        if (byId.isEmpty()) {
            return Map.of();
        }
        return MongoStores.call("reading the view rebuilds", () -> {
            Map<View, Rebuild> found = new EnumMap<>(View.class);
            for (Document document : rebuilds.find(Filters.in("_id", byId.keySet()))) {
                View view = byId.get(document.getString("_id"));
                found.put(view, rebuild(document, versions.get(view)));
            }
            return found;
        });
    }

    /** {@code order-history@v3}, as the rebuild tool names its checkpoints. */
    private static String id(View view, int version) {
        return view.id() + "@v" + version;
    }

    private static Rebuild rebuild(Document document, int version) {
        Document progress = document.get("progress", Document.class);
        return new Rebuild(version, document.getString("phase"), instant(document, "startedAt"), instant(document, "updatedAt"),
            progress == null ? null : new Rebuild.Progress(progress.getString("step"), number(progress, "done"),
                number(progress, "total"), number(progress, "perSecond"), number(progress, "etaSeconds"), instant(progress, "at")));
    }

    private static Integer integer(Document document, String field) {
        return document.get(field) instanceof Number number ? number.intValue() : null;
    }

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static Instant instant(Document document, String field) {
        return document.get(field) instanceof Date date ? date.toInstant() : null;
    }
}
