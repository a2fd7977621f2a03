package dev.panorama.devstack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries on a collection with secondary indexes answer exactly what the same queries answer on a copy
 * without them, through inserts, updates that move a document to another key, replacements and deletes:
 * whatever an engine does with the index, it must not change a result.
 */
@RealEngines
class SecondaryIndexIT {

    private static final List<String> TYPES = List.of("order", "delivery", "consumer");

    private MongoClient client;
    private MongoCollection<Document> indexed;
    private MongoCollection<Document> plain;
    private final Random random = new Random(42);

    @BeforeEach
    void connect(MongoEngine mongo, TestNamespace namespace) {
        client = MongoClients.create(mongo.connectionString());
        var database = client.getDatabase(namespace.database("indexes"));
        indexed = database.getCollection("indexed");
        plain = database.getCollection("plain");
        indexed.drop();
        plain.drop();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void indexedQueriesAnswerWhatAScanAnswers() {
        // Documents written before the indexes exist are indexed when they are created.
        for (int i = 0; i < 50; i++) {
            Document document = randomDocument("d" + i);
            both(collection -> collection.insertOne(new Document(document)));
        }
        indexed.createIndex(Indexes.ascending("type", "consumerId"), new IndexOptions().name("by_consumer"));
        indexed.createIndex(Indexes.ascending("consumer.id"), new IndexOptions().name("by_nested_consumer"));
        indexed.createIndex(Indexes.ascending("tags"), new IndexOptions().name("by_tag"));
        indexed.createIndex(Indexes.ascending("courierId"), new IndexOptions().name("by_courier").sparse(true));

        for (int step = 0; step < 1_500; step++) {
            String id = id();
            switch (random.nextInt(6)) {
                case 0 -> {
                    Document document = randomDocument("n" + step);
                    both(collection -> collection.insertOne(new Document(document)));
                }
                case 1 -> {
                    String consumer = consumer();
                    both(collection -> collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("consumerId", consumer),
                        Updates.set("consumer.id", consumer))));
                }
                case 2 -> {
                    Document replacement = randomDocument(id);
                    both(collection -> collection.replaceOne(Filters.eq("_id", id), new Document(replacement), new ReplaceOptions().upsert(true)));
                }
                case 3 -> both(collection -> collection.deleteOne(Filters.eq("_id", id)));
                case 4 -> {
                    String from = consumer();
                    String to = consumer();
                    both(collection -> collection.updateMany(Filters.eq("consumerId", from), Updates.set("consumerId", to)));
                }
                default -> {
                    String courier = random.nextBoolean() ? "k" + random.nextInt(4) : null;
                    both(collection -> collection.updateOne(Filters.eq("_id", id),
                        courier == null ? Updates.unset("courierId") : Updates.set("courierId", courier)));
                }
            }
            if (step % 10 == 0) {
                for (Bson query : queries()) {
                    assertThat(ids(indexed, query)).as("%s after %d steps", query, step).isEqualTo(ids(plain, query));
                }
            }
        }
        assertThat(ids(indexed, Filters.and(Filters.eq("type", "order"), Filters.in("consumerId", consumers())))).isNotEmpty();
    }

    private List<Bson> queries() {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String consumer = consumer();
        return List.of(
            Filters.and(Filters.eq("type", type), Filters.eq("consumerId", consumer)),
            new Document("type", type).append("consumerId", consumer),
            Filters.and(Filters.eq("type", type), Filters.in("consumerId", consumer(), consumer(), "nobody")),
            Filters.and(Filters.in("type", TYPES), Filters.in("consumerId", consumer(), consumer())),
            Filters.eq("consumer.id", consumer),
            Filters.in("consumer.id", consumer(), consumer()),
            Filters.eq("tags", "t" + random.nextInt(5)),
            Filters.eq("courierId", "k" + random.nextInt(4)),
            Filters.eq("courierId", null),
            Filters.and(Filters.eq("type", type), Filters.eq("consumerId", consumer), Filters.exists("tags")),
            Filters.and(Filters.eq("type", type), Filters.gte("consumerId", consumer)));
    }

    private Document randomDocument(String id) {
        String consumer = consumer();
        Document document = new Document("_id", id).append("type", TYPES.get(random.nextInt(TYPES.size())))
            .append("consumerId", random.nextInt(10) == 0 ? null : consumer)
            .append("consumer", new Document("id", consumer).append("name", "n" + random.nextInt(3)));
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            tags.add("t" + random.nextInt(5));
        }
        if (!tags.isEmpty()) {
            document.append("tags", tags);
        }
        if (random.nextBoolean()) {
            document.append("courierId", "k" + random.nextInt(4));
        }
        return document;
    }

    private String id() {
        return "d" + random.nextInt(120);
    }

    private String consumer() {
        return "c" + random.nextInt(12);
    }

    private List<String> consumers() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add("c" + i);
        }
        return all;
    }

    private void both(Consumer<MongoCollection<Document>> write) {
        write.accept(indexed);
        write.accept(plain);
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson query) {
        return collection.find(query).sort(Sorts.ascending("_id")).map(document -> document.getString("_id")).into(new ArrayList<>());
    }
}
