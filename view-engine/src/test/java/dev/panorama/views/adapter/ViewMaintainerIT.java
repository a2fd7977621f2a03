package dev.panorama.views.adapter;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.panorama.devstack.elasticsearch.ElasticsearchEngine;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.mongo.MongoEngine;
import dev.panorama.views.adapter.elasticsearch.ElasticsearchDocumentStore;
import dev.panorama.views.adapter.elasticsearch.ViewIndexes;
import dev.panorama.views.adapter.mongo.MongoDocumentStore;
import dev.panorama.views.adapter.mongo.MongoStateStore;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.projection.AvailableRestaurantsProjection;
import dev.panorama.views.projection.ConsumerSummaryProjection;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.OrderDetailsProjection;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.Projections;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.runtime.BatchOutcome;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.ViewMaintainer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintainer over the real stores: states in MongoDB, two views in Elasticsearch (strict mappings
 * from the schemas) and two in MongoDB. After a shuffled, partly redelivered stream, every stored
 * document equals the one rendered from an in-memory fold of the same events, field for field.
 */
@RealEngines
class ViewMaintainerIT {

    private MongoClient mongoClient;
    private ElasticsearchClient elasticsearch;
    private MongoDatabase database;
    private final Map<String, String> indexes = new HashMap<>();

    @BeforeEach
    void connect(MongoEngine mongo, ElasticsearchEngine elasticsearchEngine, TestNamespace namespace) {
        mongoClient = MongoClients.create(mongo.connectionString());
        database = mongoClient.getDatabase(namespace.database("views"));
        database.drop();
        elasticsearch = ElasticsearchClient.of(config -> config.host(elasticsearchEngine.httpUrl()));
        for (String view : List.of(OrderHistoryProjection.VIEW, AvailableRestaurantsProjection.VIEW)) {
            String index = namespace.index(view + "-" + System.nanoTime());
            ViewIndexes.ensure(elasticsearch, index, view, 1, 0);
            indexes.put(view, index);
        }
    }

    @AfterEach
    void disconnect() throws IOException {
        mongoClient.close();
        elasticsearch._transport().close();
    }

    @Test
    void storedViewsEqualTheInMemoryFoldAfterAShuffledRedeliveredStream() throws IOException {
        List<DomainEvent> story = FtgoStory.generate(42, 15, 6, 120);
        List<DomainEvent> delivery = redeliveredAndShuffled(story, new Random(42));
        Map<String, DocumentStore> sinks = Map.of(
            OrderHistoryProjection.VIEW, new ElasticsearchDocumentStore(elasticsearch, indexes.get(OrderHistoryProjection.VIEW)),
            AvailableRestaurantsProjection.VIEW, new ElasticsearchDocumentStore(elasticsearch, indexes.get(AvailableRestaurantsProjection.VIEW)),
            OrderDetailsProjection.VIEW, new MongoDocumentStore(database, "order_details"),
            ConsumerSummaryProjection.VIEW, new MongoDocumentStore(database, "consumer_summary"));
        ViewMaintainer maintainer = new ViewMaintainer(Projections.all(), new MongoStateStore(database, "states"), sinks, 5);

        int applied = 0;
        int duplicates = 0;
        for (int from = 0; from < delivery.size(); from += 50) {
            BatchOutcome outcome = maintainer.apply(delivery.subList(from, Math.min(delivery.size(), from + 50)));
            assertThat(outcome.parked()).isEmpty();
            applied += outcome.applied();
            duplicates += outcome.alreadyApplied();
        }

        assertThat(applied).isEqualTo(story.size());
        assertThat(duplicates).isEqualTo(delivery.size() - story.size());
        InMemoryStates oracle = new InMemoryStates();
        story.forEach(oracle::apply);
        int compared = 0;
        for (ViewProjection<?> projection : Projections.all()) {
            Map<String, JsonNode> expected = expected(projection, oracle);
            Map<String, JsonNode> actual = projection.view().equals(OrderHistoryProjection.VIEW) || projection.view().equals(AvailableRestaurantsProjection.VIEW)
                ? fromElasticsearch(indexes.get(projection.view()), expected.keySet())
                : fromMongo(projection.view().replace('-', '_'));
            assertThat(actual).as(projection.view()).isEqualTo(expected);
            compared += expected.size();
        }
        System.out.printf("ViewMaintainerIT: %d events, %d deliveries (%d duplicates), %d documents compared, 0 diffs%n",
            story.size(), delivery.size(), duplicates, compared);
    }

    private static Map<String, JsonNode> expected(ViewProjection<?> projection, InMemoryStates states) {
        Map<String, JsonNode> documents = new TreeMap<>();
        Oracle.render(projection, states).forEach((id, document) -> documents.put(id, normalised(DocumentJson.toJson(document))));
        return documents;
    }

    private Map<String, JsonNode> fromElasticsearch(String index, Set<String> ids) throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index(index));
        long count = elasticsearch.count(c -> c.index(index)).count();
        assertThat(count).as("documents in " + index).isEqualTo(ids.size());
        Map<String, JsonNode> documents = new TreeMap<>();
        for (var item : elasticsearch.mget(get -> get.index(index).ids(List.copyOf(ids)), Map.class).docs()) {
            documents.put(item.result().id(), normalised(DocumentJson.toJson(item.result().source())));
        }
        return documents;
    }

    private Map<String, JsonNode> fromMongo(String collection) {
        Map<String, JsonNode> documents = new TreeMap<>();
        for (Document document : database.getCollection(collection).find(Filters.empty())) {
            String id = document.getString("_id");
            document.remove("_id");
            document.remove("_rev");
            documents.put(id, normalised(document.toJson()));
        }
        return documents;
    }

    private static JsonNode normalised(String json) {
        return DocumentJson.MAPPER.readTree(json);
    }

    private static List<DomainEvent> redeliveredAndShuffled(List<DomainEvent> story, Random random) {
        Map<String, List<DomainEvent>> perAggregate = new java.util.LinkedHashMap<>();
        story.forEach(event -> perAggregate.computeIfAbsent(event.metadata().source().toString(), key -> new ArrayList<>()).add(event));
        List<List<DomainEvent>> queues = new ArrayList<>(perAggregate.values().stream().map(ArrayList::new).toList());
        List<DomainEvent> delivery = new ArrayList<>();
        while (!queues.isEmpty()) {
            List<DomainEvent> queue = queues.get(random.nextInt(queues.size()));
            DomainEvent event = queue.removeFirst();
            delivery.add(event);
            if (random.nextInt(4) == 0) {
                delivery.add(event);
            }
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return delivery;
    }
}
