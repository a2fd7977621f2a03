package dev.panorama.queryapi.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Puts documents where the rebuild tool puts them: the registry {@code <prefix>view_versions} (one per view)
 * and the checkpoints {@code <prefix>view_rebuilds} (one per view version, {@code order-history@v3}).
 */
public final class RebuildRegistry {

    private RebuildRegistry() {
    }

    /** A registry document as the rebuild tool writes it. */
    public static void versions(String view, int active, Integer building, Integer previous) {
        save(registry(), view, new Document("_id", view).append("version", active).append("building", building).append("previous", previous)
            .append("revision", 7L).append("changedAt", new Date()));
    }

    /** The registry document of a view as it is stored now, or null. */
    public static Document versions(String view) {
        return registry().find(Filters.eq("_id", view)).first();
    }

    /** A registry document as the first pointers were written: {@code _id} and {@code version} only. */
    public static void pointer(String view, int active) {
        save(registry(), view, new Document("_id", view).append("version", active));
    }

    /** A checkpoint without progress, as the tool saves it at each phase. */
    public static void checkpoint(String view, int version, String phase, Instant startedAt, Instant updatedAt) {
        String id = view + "@v" + version;
        save(rebuilds(), id, new Document("_id", id).append("view", view).append("version", version).append("phase", phase)
            .append("handover", new Document(QueryApiStack.topic("order") + "/0", 3L)).append("writtenThrough", null)
            .append("startedAt", Date.from(startedAt)).append("updatedAt", Date.from(updatedAt)));
    }

    /** The progress the tool records on a checkpoint while a step runs. */
    public static void progress(String view, int version, String step, long done, long total, long perSecond, long etaSeconds, Instant at) {
        rebuilds().updateOne(Filters.eq("_id", view + "@v" + version), new Document("$set", new Document("progress",
            new Document("step", step).append("done", done).append("total", total).append("perSecond", perSecond)
                .append("etaSeconds", etaSeconds).append("at", Date.from(at)))));
    }

    /** Removes the views' registry documents and checkpoints. */
    public static void forget(String... views) {
        registry().deleteMany(Filters.in("_id", List.of(views)));
        rebuilds().deleteMany(Filters.in("view", List.of(views)));
    }

    private static void save(MongoCollection<Document> collection, String id, Document document) {
        collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    private static MongoCollection<Document> registry() {
        return QueryApiStack.database().getCollection(QueryApiStack.NAME_PREFIX + "view_versions");
    }

    private static MongoCollection<Document> rebuilds() {
        return QueryApiStack.database().getCollection(QueryApiStack.NAME_PREFIX + "view_rebuilds");
    }
}
