package dev.panorama.views.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.panorama.views.runtime.Positions;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Positions in MongoDB, one document per group and partition. The offset only moves forward
 * ({@code $max}), so a late write from a rebalanced-away instance cannot move it back.
 */
public final class MongoPositions implements Positions {

    private final MongoCollection<Document> collection;
    private final String group;

    public MongoPositions(MongoDatabase database, String collectionName, String group) {
        this.collection = database.getCollection(collectionName);
        this.group = group;
    }

    @Override
    public void applied(String topic, int partition, long nextOffset, Instant lastEventAt, Instant appliedAt) {
        collection.updateOne(Filters.eq("_id", id(topic, partition)), Updates.combine(
            Updates.setOnInsert("group", group), Updates.setOnInsert("topic", topic), Updates.setOnInsert("partition", partition),
            Updates.max("nextOffset", nextOffset), Updates.max("lastEventAt", Date.from(lastEventAt)),
            Updates.set("appliedAt", Date.from(appliedAt))), new UpdateOptions().upsert(true));
    }

    @Override
    public void heartbeatSeen(String topic, int partition, Instant emittedAt, Instant seenAt) {
        collection.updateOne(Filters.eq("_id", id(topic, partition)), Updates.combine(
            Updates.setOnInsert("group", group), Updates.setOnInsert("topic", topic), Updates.setOnInsert("partition", partition),
            Updates.set("heartbeat", new Document("emittedAt", Date.from(emittedAt)).append("seenAt", Date.from(seenAt))
                .append("roundTripMillis", Duration.between(emittedAt, seenAt).toMillis()))), new UpdateOptions().upsert(true));
    }

    private String id(String topic, int partition) {
        return group + "/" + topic + "/" + partition;
    }
}
