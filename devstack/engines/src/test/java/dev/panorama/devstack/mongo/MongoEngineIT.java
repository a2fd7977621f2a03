package dev.panorama.devstack.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@RealEngines
class MongoEngineIT {

    private MongoClient client;
    private MongoCollection<Document> consumers;

    @BeforeEach
    void connect(MongoEngine mongo, TestNamespace namespace) {
        client = MongoClients.create(mongo.connectionString());
        consumers = client.getDatabase(namespace.database("views")).getCollection("consumers");
        consumers.drop();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void uniqueIndexRejectsADuplicateKey() {
        consumers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        consumers.insertOne(new Document("_id", "c1").append("email", "ada@example.org"));

        MongoWriteException duplicate = catchThrowableOfType(MongoWriteException.class,
            () -> consumers.insertOne(new Document("_id", "c2").append("email", "ada@example.org")));

        assertThat(duplicate).isNotNull();
        assertThat(ErrorCategory.fromErrorCode(duplicate.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY);
        assertThat(consumers.countDocuments()).isEqualTo(1);
    }

    @Test
    void conditionalUpdateOnAStaleVersionMatchesNothing() {
        consumers.insertOne(new Document("_id", "c1").append("name", "Ada").append("version", 1));

        UpdateResult fresh = consumers.updateOne(Filters.and(Filters.eq("_id", "c1"), Filters.eq("version", 1)),
            Updates.combine(Updates.set("name", "Ada L."), Updates.inc("version", 1)));
        UpdateResult stale = consumers.updateOne(Filters.and(Filters.eq("_id", "c1"), Filters.eq("version", 1)),
            Updates.combine(Updates.set("name", "Lost update"), Updates.inc("version", 1)));

        assertThat(fresh.getMatchedCount()).isEqualTo(1);
        assertThat(stale.getMatchedCount()).isZero();
        Document stored = consumers.find(Filters.eq("_id", "c1")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("name")).isEqualTo("Ada L.");
        assertThat(stored.getInteger("version")).isEqualTo(2);
    }
}
