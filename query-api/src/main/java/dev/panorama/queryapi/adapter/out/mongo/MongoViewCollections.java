package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.panorama.queryapi.adapter.out.Cached;
import dev.panorama.queryapi.application.View;
import org.bson.Document;

import java.time.Duration;

/**
 * The collection that holds the current version of a MongoDB view. A pointer document per view in
 * {@code <prefix>view_versions} ({@code {_id: "order-details", version: 2}}) names it; a rebuild switches
 * the pointer once the new collection has caught up. Without a pointer the view is at version 1, the
 * collection the view builder creates first ({@code <prefix>order_details_v1}).
 */
public final class MongoViewCollections {

    public static final String POINTERS = "view_versions";

    public record Current(int version, MongoCollection<Document> collection) {
    }

    private final MongoDatabase database;
    private final String namePrefix;
    private final Cached<View, Current> current;

    public MongoViewCollections(MongoDatabase database, String namePrefix, Duration cacheTtl) {
        this.database = database;
        this.namePrefix = namePrefix;
        this.current = new Cached<>(cacheTtl, this::lookUp);
    }

    public Current current(View view) {
        return current.get(view);
    }

    private Current lookUp(View view) {
        Document pointer = MongoStores.call("reading the version of " + view.id(),
            () -> database.getCollection(namePrefix + POINTERS).find(Filters.eq("_id", view.id())).first());
        int version = pointer == null ? 1 : pointer.get("version", Number.class).intValue();
        return new Current(version, database.getCollection(collectionName(namePrefix, view, version)));
    }

    /** {@code <prefix>order_details_v<N>}, as the view builder names it. */
    public static String collectionName(String namePrefix, View view, int version) {
        return (namePrefix + view.id()).replace('-', '_') + "_v" + version;
    }
}
