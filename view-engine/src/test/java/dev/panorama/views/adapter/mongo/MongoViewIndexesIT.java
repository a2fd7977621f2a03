package dev.panorama.views.adapter.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.mongo.MongoEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A view version's collection gets the lookup indexes its mapping declares, and only those. */
@RealEngines
class MongoViewIndexesIT {

    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void connect(MongoEngine mongo, TestNamespace namespace) {
        client = MongoClients.create(mongo.connectionString());
        database = client.getDatabase(namespace.database("views"));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void orderDetailsCanBeFoundByConsumerAndByRestaurant() {
        MongoDocumentStore.ofView(database, "t-order-details", "order-details", 1);

        assertThat(indexes("t_order_details_v1")).containsEntry("by_consumer", new Document("consumer.id", 1))
            .containsEntry("by_restaurant", new Document("restaurant.id", 1))
            .containsKey(MongoDocumentStore.COMPARE_AND_SET_INDEX);
    }

    @Test
    void aViewWithoutLookupsGetsOnlyItsCompareAndSetIndex() {
        MongoDocumentStore.ofView(database, "t-consumer-summary", "consumer-summary", 1);
        MongoDocumentStore.ofView(database, "t-consumer-summary", "consumer-summary", 9);

        assertThat(indexes("t_consumer_summary_v1").keySet()).containsExactlyInAnyOrder("_id_", MongoDocumentStore.COMPARE_AND_SET_INDEX);
        assertThat(indexes("t_consumer_summary_v9").keySet()).as("no mapping file").containsExactlyInAnyOrder("_id_",
            MongoDocumentStore.COMPARE_AND_SET_INDEX);
    }

    private Map<String, Document> indexes(String collection) {
        Map<String, Document> byName = new TreeMap<>();
        List<Document> listed = database.getCollection(collection).listIndexes().into(new ArrayList<>());
        listed.forEach(index -> byName.put(index.getString("name"), index.get("key", Document.class)));
        return byName;
    }
}
