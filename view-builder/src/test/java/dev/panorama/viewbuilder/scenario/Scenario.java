package dev.panorama.viewbuilder.scenario;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.viewbuilder.ViewBuilderTestProperties;
import dev.panorama.views.projection.AvailableRestaurantsProjection;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.Projections;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.state.AggregateState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
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
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * What the scenario tests share: the event topics of one namespace on the shared Kafka, publishing,
 * the consumer group's progress, the dead-letter topic, the properties of a view builder instance, and
 * the comparison of every stored view document with the one rendered from an in-memory fold.
 */
final class Scenario implements AutoCloseable {

    static final List<String> AGGREGATES = List.of("consumer", "restaurant", "order", "delivery");
    static final int PARTITIONS = 3;

    private final Engines engines;
    private final TestNamespace namespace;
    private final String elasticsearchUrl;
    private final MongoClient mongo;
    private final ElasticsearchClient elasticsearch;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    Scenario(Engines engines, TestNamespace namespace, String elasticsearchUrl) {
        this.engines = engines;
        this.namespace = namespace;
        this.elasticsearchUrl = elasticsearchUrl;
        this.mongo = MongoClients.create(engines.mongo().connectionString());
        this.elasticsearch = ElasticsearchClient.of(config -> config.host(elasticsearchUrl));
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers()));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
        for (String aggregate : AGGREGATES) {
            engines.kafka().createTopic(topic(aggregate), PARTITIONS);
        }
        engines.kafka().createTopic(deadLetterTopic(), PARTITIONS);
    }

    Scenario(Engines engines, TestNamespace namespace) {
        this(engines, namespace, engines.elasticsearch().httpUrl());
    }

    String topic(String aggregateType) {
        return ViewBuilderTestProperties.topicPrefix(namespace) + "ftgo." + aggregateType + ".events";
    }

    String deadLetterTopic() {
        return ViewBuilderTestProperties.deadLetterTopic(namespace);
    }

    String group() {
        return namespace.group("view-builder");
    }

    /** The properties of a view builder instance in this scenario's namespace. */
    Map<String, String> builderProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", engines.kafka().bootstrapServers());
        properties.put("spring.mongodb.uri", engines.mongo().connectionString());
        properties.put("spring.elasticsearch.uris", elasticsearchUrl);
        properties.put("panorama.view-builder.topic-prefix", ViewBuilderTestProperties.topicPrefix(namespace));
        properties.put("panorama.view-builder.name-prefix", namespace.prefix() + "-");
        properties.put("panorama.view-builder.database", namespace.database("views"));
        properties.put("panorama.view-builder.group-id", group());
        properties.put("panorama.view-builder.dead-letter-topic", deadLetterTopic());
        properties.put("panorama.view-builder.heartbeat-interval", "30s");
        properties.put("panorama.view-builder.retry-max-interval", "4s");
        // The stories here are a few thousand to 50,000 events: polls of 2,000 (not the 10,000 of a production backlog)
        // keep each story spread over several batches, so that kills, rebalances and outages fall between them.
        properties.put("spring.kafka.consumer.max-poll-records", "2000");
        // A member that died is noticed after 10 s instead of 45 s.
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        properties.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "2000");
        properties.put("server.port", "0");
        properties.put("management.server.port", "-1");
        return properties;
    }

    void publish(List<DomainEvent> events) {
        List<Record> records = events.stream().map(Record::of).toList();
        send(records);
    }

    void send(List<Record> records) {
        List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
        for (Record record : records) {
            sends.add(producer.send(new ProducerRecord<>(topic(record.aggregateType()), record.key(), record.value())));
        }
        producer.flush();
        try {
            for (java.util.concurrent.Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed: " + e.getMessage(), e);
        }
    }

    /** A record for an event topic. */
    record Record(String aggregateType, String key, byte[] value) {

        static Record of(DomainEvent event) {
            return new Record(event.metadata().aggregateType(), event.metadata().aggregateId(), EnvelopeJson.of(event));
        }
    }

    /** Offsets the group committed on the event topics, summed; and their end offsets, summed. */
    Progress progress() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String aggregate : AGGREGATES) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    latest.put(new TopicPartition(topic(aggregate), partition), OffsetSpec.latest());
                }
            }
            long end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group())
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long done = committed.entrySet().stream().filter(entry -> latest.containsKey(entry.getKey()) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset()).sum();
            return new Progress(done, end, Map.copyOf(committed.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()))));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the group's progress: " + e.getMessage(), e);
        }
    }

    record Progress(long committed, long end, Map<TopicPartition, Long> offsets) {

        double fraction() {
            return end == 0 ? 0 : (double) committed / end;
        }
    }

    /** Waits until the group committed at least {@code records} records. */
    void awaitCommitted(long records, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> progress().committed() >= records);
    }

    /** Waits until the group committed everything published, then until the views equal the oracle's. */
    Comparison awaitConverged(List<DomainEvent> expectedEvents, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            Progress progress = progress();
            return progress.committed() >= progress.end();
        });
        InMemoryStates oracle = Oracle.states(expectedEvents);
        Comparison[] last = new Comparison[1];
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                last[0] = compare(oracle);
                return last[0].diffs() == 0;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("views did not converge: " + last[0], e);
        }
        return last[0];
    }

    /** Every document of every view against the one rendered from the oracle's states, field for field. */
    Comparison compare(InMemoryStates oracle) throws IOException {
        int documents = 0;
        int diffs = 0;
        List<String> examples = new ArrayList<>();
        for (ViewProjection<?> projection : Projections.all()) {
            Map<String, JsonNode> expected = expected(projection, oracle);
            Map<String, JsonNode> stored = stored(projection, expected.keySet());
            Set<String> ids = new TreeSet<>(expected.keySet());
            ids.addAll(stored.keySet());
            for (String id : ids) {
                JsonNode want = expected.get(id);
                JsonNode have = stored.get(id);
                if (want == null || !want.equals(have)) {
                    diffs++;
                    if (examples.size() < 3) {
                        examples.add(projection.view() + " " + id + ": expected " + want + " but stored " + have);
                    }
                }
            }
            documents += expected.size();
        }
        return new Comparison(documents, diffs, examples);
    }

    record Comparison(int documents, int diffs, List<String> examples) {
    }

    private static Map<String, JsonNode> expected(ViewProjection<?> projection, InMemoryStates states) {
        Set<String> ids = new TreeSet<>();
        for (AggregateState state : states.all()) {
            if (projection.sourceTypes().contains(state.aggregateType())) {
                ids.addAll(projection.affectedDocuments(state, states));
            }
        }
        Map<String, JsonNode> documents = new TreeMap<>();
        ids.forEach(id -> projection.render(id, states)
            .ifPresent(document -> documents.put(id, DocumentJson.MAPPER.readTree(DocumentJson.toJson(document)))));
        return documents;
    }

    private Map<String, JsonNode> stored(ViewProjection<?> projection, Set<String> expectedIds) throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>();
        if (projection.view().equals(OrderHistoryProjection.VIEW) || projection.view().equals(AvailableRestaurantsProjection.VIEW)) {
            String alias = namespace.prefix() + "-" + projection.view();
            if (!elasticsearch.indices().existsAlias(exists -> exists.name(alias)).value()) {
                return documents;
            }
            elasticsearch.indices().refresh(refresh -> refresh.index(alias));
            List<String> ids = List.copyOf(expectedIds);
            for (int from = 0; from < ids.size(); from += 1000) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
                for (var item : elasticsearch.mget(get -> get.index(alias).ids(chunk), Map.class).docs()) {
                    if (item.isResult() && item.result().found()) {
                        documents.put(item.result().id(), DocumentJson.MAPPER.readTree(DocumentJson.toJson(item.result().source())));
                    }
                }
            }
            long count = elasticsearch.count(c -> c.index(alias)).count();
            for (long extra = count - documents.size(); extra > 0; extra--) {
                documents.put("<unexpected document " + extra + " in " + alias + ">", null);
            }
        } else {
            MongoDatabase database = mongo.getDatabase(namespace.database("views"));
            for (Document document : database.getCollection(ViewBuilderTestProperties.collection(namespace, projection.view())).find()) {
                String id = document.getString("_id");
                document.remove("_id");
                document.remove("_rev");
                documents.put(id, DocumentJson.MAPPER.readTree(document.toJson()));
            }
        }
        return documents;
    }

    /** Every record in the dead-letter topic now. */
    List<ConsumerRecord<String, byte[]>> deadLetters() {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                partitions.add(new TopicPartition(deadLetterTopic(), partition));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return letters;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        producer.close();
        admin.close();
        mongo.close();
        elasticsearch._transport().close();
    }
}
