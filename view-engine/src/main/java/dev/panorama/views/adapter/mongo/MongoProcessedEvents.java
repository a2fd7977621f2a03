package dev.panorama.views.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import dev.panorama.views.runtime.ProcessedEvents;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Processed event ids in MongoDB; a TTL index on {@code appliedAt} drops them after the retention. */
public final class MongoProcessedEvents implements ProcessedEvents {

    private final MongoCollection<Document> collection;

    public MongoProcessedEvents(MongoDatabase database, String collectionName, Duration retention) {
        this.collection = database.getCollection(collectionName);
        collection.createIndex(Indexes.ascending("appliedAt"),
            new IndexOptions().name("retention").expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public Set<UUID> known(Collection<UUID> eventIds) {
        Set<UUID> known = new HashSet<>();
        if (eventIds.isEmpty()) {
            return known;
        }
        List<String> ids = eventIds.stream().map(UUID::toString).toList();
        collection.find(Filters.in("_id", ids)).projection(Projections.include("_id"))
            .forEach(document -> known.add(UUID.fromString(document.getString("_id"))));
        return known;
    }

    @Override
    public void record(Collection<UUID> eventIds, Instant appliedAt) {
        if (eventIds.isEmpty()) {
            return;
        }
        Date at = Date.from(appliedAt);
        List<Document> documents = eventIds.stream().map(id -> new Document("_id", id.toString()).append("appliedAt", at)).toList();
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Already recorded by an earlier delivery: the only failure that is fine here.
            boolean onlyDuplicates = e.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }
}
