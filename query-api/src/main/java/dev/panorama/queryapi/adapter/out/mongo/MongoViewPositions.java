package dev.panorama.queryapi.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.panorama.queryapi.application.PartitionPosition;
import dev.panorama.queryapi.application.port.out.ViewPositions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * The view builder's positions ({@code <prefix>view_builder_positions}, one document per group, topic
 * and partition: {@code nextOffset}, {@code lastEventAt}, {@code appliedAt}, {@code heartbeat}).
 */
public final class MongoViewPositions implements ViewPositions {

    private final MongoCollection<Document> collection;
    private final String group;

    public MongoViewPositions(MongoDatabase database, String collectionName, String group) {
        this.collection = database.getCollection(collectionName);
        this.group = group;
    }

    @Override
    public List<PartitionPosition> of(Collection<String> topics) {
        return MongoStores.call("reading positions", () -> {
            List<PartitionPosition> positions = new ArrayList<>();
            for (Document document : collection.find(Filters.and(Filters.eq("group", group), Filters.in("topic", topics)))) {
                Document heartbeat = document.get("heartbeat", Document.class);
                positions.add(new PartitionPosition(document.getString("topic"), document.get("partition", Number.class).intValue(),
                    number(document, "nextOffset"), instant(document, "lastEventAt"), instant(document, "appliedAt"),
                    heartbeat == null ? null : new PartitionPosition.Heartbeat(instant(heartbeat, "emittedAt"), instant(heartbeat, "seenAt"),
                        number(heartbeat, "roundTripMillis"))));
            }
            return positions;
        });
    }

    /** When the view builder last recorded a batch's positions (on any topic), or {@code null} when it never did. */
    public Instant lastAppliedAt() {
        return MongoStores.call("reading positions", () -> {
            Document latest = collection.find(Filters.eq("group", group)).sort(Sorts.descending("appliedAt"))
                .projection(Projections.include("appliedAt")).limit(1).first();
            return latest == null ? null : instant(latest, "appliedAt");
        });
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Instant instant(Document document, String field) {
        Date value = document.getDate(field);
        return value == null ? null : value.toInstant();
    }
}
