package dev.panorama.views.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.panorama.views.runtime.ViewVersions;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry in MongoDB, one document per view: {@code {_id: "order-history", version: 2, building: null,
 * previous: 1, revision: 7, changedAt}}. {@code version} is the active version, the field the query API
 * follows for MongoDB views.
 */
public final class MongoViewVersions implements ViewVersions {

    public static final String COLLECTION = "view_versions";

    private final MongoCollection<Document> collection;

    public MongoViewVersions(MongoDatabase database, String namePrefix) {
        this.collection = database.getCollection(namePrefix + COLLECTION);
    }

    @Override
    public Optional<VersionSet> get(String view) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", view)).first()).map(MongoViewVersions::read);
    }

    @Override
    public Map<String, VersionSet> all() {
        Map<String, VersionSet> all = new LinkedHashMap<>();
        collection.find().forEach(document -> {
            VersionSet set = read(document);
            all.put(set.view(), set);
        });
        return all;
    }

    @Override
    public VersionSet createIfAbsent(String view, int active) {
        try {
            collection.insertOne(write(new VersionSet(view, active, null, null, 1, Instant.now())));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return get(view).orElseThrow();
    }

    @Override
    public boolean replace(VersionSet expected, VersionSet next) {
        return collection.replaceOne(Filters.and(Filters.eq("_id", expected.view()), Filters.eq("revision", expected.revision())),
            write(next)).getModifiedCount() == 1;
    }

    private static Document write(VersionSet set) {
        return new Document("_id", set.view()).append("version", set.active()).append("building", set.building())
            .append("previous", set.previous()).append("revision", set.revision()).append("changedAt", Date.from(set.changedAt()));
    }

    private static VersionSet read(Document document) {
        Date changedAt = document.getDate("changedAt");
        Number revision = document.get("revision", Number.class);
        return new VersionSet(document.getString("_id"), document.get("version", Number.class).intValue(),
            integer(document.get("building")), integer(document.get("previous")), revision == null ? 0 : revision.longValue(),
            changedAt == null ? Instant.EPOCH : changedAt.toInstant());
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }
}
