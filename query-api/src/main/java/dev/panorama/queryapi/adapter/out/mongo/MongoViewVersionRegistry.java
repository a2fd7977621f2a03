package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.VersionSet;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.ViewVersionRegistry;
import dev.panorama.views.runtime.ViewVersions;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The rebuild tool's registry, {@code <prefix>view_versions}, read through the view engine's
 * {@link ViewVersions} (the code the view builder and the rebuild tool read and write it with), and its
 * checkpoints, {@code <prefix>view_rebuilds} ({@code {_id: "order-history@v3", phase, startedAt, updatedAt,
 * progress: {step, done, total, perSecond, etaSeconds, at}}}). Read uncached, like the positions the lag is
 * measured from: one query per collection whatever the number of views.
 */
public final class MongoViewVersionRegistry implements ViewVersionRegistry {

    public static final String REBUILDS = "view_rebuilds";

    private final ViewVersions registry;
    private final MongoCollection<Document> rebuilds;

    /** @param registry the registry as the view builder and the rebuild tool read and write it */
    public MongoViewVersionRegistry(ViewVersions registry, MongoDatabase database, String namePrefix) {
        this.registry = registry;
        this.rebuilds = database.getCollection(namePrefix + REBUILDS);
    }

    @Override
    public Map<View, VersionSet> versions(Collection<View> views) {
        return MongoStores.call("reading the view versions", () -> {
            Map<View, VersionSet> versions = new EnumMap<>(View.class);
            registry.all().values().forEach(set -> View.byId(set.view()).filter(views::contains).ifPresent(view ->
                versions.put(view, new VersionSet(set.active(), set.building(), set.previous()))));
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

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static Instant instant(Document document, String field) {
        return document.get(field) instanceof Date date ? date.toInstant() : null;
    }
}
