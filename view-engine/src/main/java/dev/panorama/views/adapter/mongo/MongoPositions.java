package dev.panorama.views.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.panorama.views.runtime.Positions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
    public void applied(List<Applied> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(partitions.size());
        for (Applied position : partitions) {
            List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("group", group), Updates.setOnInsert("topic", position.topic()), Updates.setOnInsert("partition", position.partition()),
                Updates.max("nextOffset", position.nextOffset()), Updates.max("lastEventAt", Date.from(position.lastEventAt())),
                Updates.set("appliedAt", Date.from(position.appliedAt()))));
            if (position.heartbeat() != null) {
                HeartbeatSeen heartbeat = position.heartbeat();
                updates.add(Updates.set("heartbeat", new Document("emittedAt", Date.from(heartbeat.emittedAt()))
                    .append("seenAt", Date.from(heartbeat.seenAt()))
                    .append("roundTripMillis", Duration.between(heartbeat.emittedAt(), heartbeat.seenAt()).toMillis())));
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id(position.topic(), position.partition())), Updates.combine(updates),
                new UpdateOptions().upsert(true)));
        }
        // One document per partition, each update commutative ($max, or the later set): their order does not matter.
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private String id(String topic, int partition) {
        return group + "/" + topic + "/" + partition;
    }
}
