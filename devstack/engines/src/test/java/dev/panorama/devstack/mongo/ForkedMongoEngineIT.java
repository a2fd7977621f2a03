package dev.panorama.devstack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ForkedMongoEngineIT {

    @Test
    void servesTheDriverFromAProcessOfItsOwnAndStopsWithClose(@TempDir Path logs) {
        ForkedMongoEngine engine = ForkedMongoEngine.start(0, "128m", logs.resolve("mongo.log"), Duration.ofMinutes(1));
        ProcessHandle child = ProcessHandle.of(engine.pid()).orElseThrow();
        try (MongoClient client = MongoClients.create(engine.connectionString())) {
            MongoCollection<Document> orders = client.getDatabase("forked").getCollection("orders");
            orders.insertOne(new Document("_id", "o1").append("total", 12));

            assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(orders.find(Filters.eq("_id", "o1")).first()).containsEntry("total", 12);
        } finally {
            engine.close();
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(logs.resolve("mongo.log")).content().contains("PANORAMA-MONGO-READY mongodb://127.0.0.1:");
    }
}
