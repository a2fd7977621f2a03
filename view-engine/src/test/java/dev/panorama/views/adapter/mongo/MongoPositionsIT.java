package dev.panorama.views.adapter.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.mongo.MongoEngine;
import dev.panorama.views.runtime.Positions.Applied;
import dev.panorama.views.runtime.Positions.HeartbeatSeen;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's positions in one bulk write: one document per partition, offsets only forward, the heartbeat kept until a newer one. */
@RealEngines
class MongoPositionsIT {

    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

    private MongoClient client;
    private MongoCollection<Document> collection;
    private MongoPositions positions;

    @BeforeEach
    void connect(MongoEngine mongo, TestNamespace namespace) {
        client = MongoClients.create(mongo.connectionString());
        MongoDatabase database = client.getDatabase(namespace.database("views"));
        collection = database.getCollection("positions");
        positions = new MongoPositions(database, "positions", "g");
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void recordsEveryPartitionOfABatchAndNeverMovesAnOffsetBack() {
        positions.applied(List.of(
            new Applied("orders", 0, 10, T0, T0.plusMillis(5), new HeartbeatSeen(T0.minusMillis(40), T0.plusMillis(5))),
            new Applied("orders", 1, 7, T0.minusSeconds(1), T0.plusMillis(5), null)));
        // A late batch of a rebalanced-away instance: older offsets and events, no heartbeat.
        positions.applied(List.of(new Applied("orders", 0, 4, T0.minusSeconds(9), T0.plusMillis(9), null)));

        Document first = collection.find(new Document("_id", "g/orders/0")).first();
        assertThat(first).isNotNull();
        assertThat(first.getString("group")).isEqualTo("g");
        assertThat(first.getInteger("partition")).isZero();
        assertThat(first.getLong("nextOffset")).isEqualTo(10);
        assertThat(first.getDate("lastEventAt")).isEqualTo(Date.from(T0));
        assertThat(first.getDate("appliedAt")).isEqualTo(Date.from(T0.plusMillis(9)));
        assertThat(first.get("heartbeat", Document.class).getLong("roundTripMillis")).isEqualTo(45);
        Document second = collection.find(new Document("_id", "g/orders/1")).first();
        assertThat(second).isNotNull();
        assertThat(second.getLong("nextOffset")).isEqualTo(7);
        assertThat(second.containsKey("heartbeat")).isFalse();
        assertThat(collection.countDocuments()).isEqualTo(2);
    }

    @Test
    void anEmptyBatchWritesNothing() {
        positions.applied(List.of());

        assertThat(collection.countDocuments()).isZero();
    }
}
