package dev.panorama.viewbuilder;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.Events;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.Projections;
import dev.panorama.views.projection.ViewProjection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.client.RestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The view builder as deployed: Kafka in, views out. A story is published to the event topics, with a
 * poison record, an event that breaks its schema and one that must be parked behind it; every view ends
 * equal to the in-memory fold of the valid events, the bad ones are in the dead-letter topic with their
 * reasons, and positions and heartbeat round trips are recorded.
 */
@SpringBootTest(classes = ViewBuilderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewBuilderApplicationIT {

    private static final TestNamespace NAMESPACE = TestNamespace.forClass(ViewBuilderApplicationIT.class);
    private static final String TOPIC_PREFIX = ViewBuilderTestProperties.topicPrefix(NAMESPACE);
    private static final String DEAD_LETTERS = ViewBuilderTestProperties.deadLetterTopic(NAMESPACE);
    private static final Engines ENGINES = Engines.shared();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        ViewBuilderTestProperties.register(registry, ENGINES, NAMESPACE);
        registry.add("panorama.view-builder.heartbeat-interval", () -> "1s");
        for (String topic : List.of("consumer", "restaurant", "order", "delivery")) {
            ENGINES.kafka().createTopic(TOPIC_PREFIX + "ftgo." + topic + ".events", 3);
        }
    }

    @Autowired
    private ElasticsearchClient elasticsearch;

    @Autowired
    private MongoClient mongo;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    private int port;

    @Test
    void buildsEveryViewFromTheTopicsAndDeadLettersWhatItCannotApply() {
        List<DomainEvent> story = FtgoStory.generate(3, 10, 5, 80);
        Events extra = new Events();
        DomainEvent created = extra.orderCreated("7c2f6a1e-0d4b-4e8a-9b3c-5f6e7d8c9b0a", story.getFirst().metadata().aggregateId(),
            "2b9e4c7d-1a3f-4e5b-8c6d-7e8f9a0b1c2d", "9.99");
        DomainEvent approved = extra.orderApproved("7c2f6a1e-0d4b-4e8a-9b3c-5f6e7d8c9b0a");
        DomainEvent cancelled = extra.orderCancelled("7c2f6a1e-0d4b-4e8a-9b3c-5f6e7d8c9b0a");
        ObjectNode broken = EnvelopeJson.tree(approved);
        ((ObjectNode) broken.get("payload")).put("orderId", "not-a-uuid");

        try (KafkaProducer<String, byte[]> producer = producer()) {
            story.forEach(event -> send(producer, event.metadata().aggregateType(), event.metadata().aggregateId(), EnvelopeJson.of(event)));
            send(producer, "order", created.metadata().aggregateId(), EnvelopeJson.of(created));
            send(producer, "order", approved.metadata().aggregateId(), broken.toString().getBytes(StandardCharsets.UTF_8));
            send(producer, "order", cancelled.metadata().aggregateId(), EnvelopeJson.of(cancelled));
            send(producer, "restaurant", "garbage", "{not json".getBytes(StandardCharsets.UTF_8));
            producer.flush();
        }

        List<DomainEvent> valid = new ArrayList<>(story);
        valid.add(created);
        InMemoryStates oracle = new InMemoryStates();
        valid.forEach(oracle::apply);
        MongoDatabase database = mongo.getDatabase(NAMESPACE.database("views"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (ViewProjection<?> projection : Projections.all()) {
                Map<String, JsonNode> stored = stored(projection, database);
                Map<String, JsonNode> expected = expected(projection, oracle);
                Set<String> missing = new TreeSet<>(expected.keySet());
                missing.removeAll(stored.keySet());
                Set<String> unexpected = new TreeSet<>(stored.keySet());
                unexpected.removeAll(expected.keySet());
                assertThat(missing).as(projection.view() + " documents missing").isEmpty();
                assertThat(unexpected).as(projection.view() + " documents not expected").isEmpty();
                expected.forEach((id, document) -> assertThat(stored.get(id)).as(projection.view() + " " + id).isEqualTo(document));
            }
        });

        List<ConsumerRecord<String, byte[]>> letters = deadLetters(3);
        assertThat(letters).extracting(record -> header(record, "panorama-dlq-reason"))
            .containsExactlyInAnyOrder("INVALID_PAYLOAD", "NOT_JSON", "PARKED");
        assertThat(letters).allSatisfy(record -> assertThat(header(record, "panorama-dlq-original-topic")).startsWith(TOPIC_PREFIX));
        System.out.printf("ViewBuilderApplicationIT: %d events applied, %d dead letters, 0 diffs in 4 views%n", valid.size(), letters.size());

        String prometheus = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(prometheus).contains("panorama_view_events_total{outcome=\"applied\"} " + (double) valid.size())
            .contains("panorama_view_events_total{outcome=\"dead_lettered\"} 3.0");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            database.getCollection(NAMESPACE.prefix() + "-view_builder_positions").countDocuments(Filters.exists("heartbeat.roundTripMillis")))
            .as("partitions with a heartbeat round trip").isEqualTo(12));

        // Offsets are committed asynchronously: they still land, at the positions the batches recorded.
        assertThat(listeners.getListenerContainer(NAMESPACE.group("view-builder")).getContainerProperties().isSyncCommits()).isFalse();
        MongoCollection<Document> positions = database.getCollection(NAMESPACE.prefix() + "-view_builder_positions");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ENGINES.kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(NAMESPACE.group("view-builder"))
                    .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> recorded = new HashMap<>();
                positions.find().forEach(position -> recorded.put(new TopicPartition(position.getString("topic"), position.getInteger("partition")),
                    position.getLong("nextOffset")));
                assertThat(committed).hasSize(12);
                committed.forEach((partition, offset) -> assertThat(offset.offset()).as("committed offset of " + partition)
                    .isEqualTo(recorded.get(partition)));
            });
        }
    }

    private Map<String, JsonNode> stored(ViewProjection<?> projection, MongoDatabase database) throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>();
        if (projection.view().equals(OrderHistoryProjection.VIEW) || projection.view().equals("available-restaurants")) {
            String alias = NAMESPACE.prefix() + "-" + projection.view();
            elasticsearch.indices().refresh(refresh -> refresh.index(alias));
            for (var hit : elasticsearch.search(search -> search.index(alias).size(1000), Map.class).hits().hits()) {
                documents.put(hit.id(), DocumentJson.MAPPER.readTree(DocumentJson.toJson(hit.source())));
            }
        } else {
            for (Document document : database.getCollection(ViewBuilderTestProperties.collection(NAMESPACE, projection.view())).find()) {
                String id = document.getString("_id");
                document.remove("_id");
                document.remove("_rev");
                documents.put(id, DocumentJson.MAPPER.readTree(document.toJson()));
            }
        }
        return documents;
    }

    private static Map<String, JsonNode> expected(ViewProjection<?> projection, InMemoryStates states) {
        Map<String, JsonNode> documents = new TreeMap<>();
        Oracle.render(projection, states).forEach((id, document) -> documents.put(id, DocumentJson.MAPPER.readTree(DocumentJson.toJson(document))));
        return documents;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ENGINES.kafka().bootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String aggregateType, String key, byte[] value) {
        producer.send(new ProducerRecord<>(TOPIC_PREFIX + "ftgo." + aggregateType + ".events", key, value));
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ENGINES.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, NAMESPACE.group("dead-letter-reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.size() >= expected;
            });
        }
        return letters;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
