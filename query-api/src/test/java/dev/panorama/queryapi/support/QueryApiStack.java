package dev.panorama.queryapi.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The engines and names every query API test shares: one namespace (so that all integration tests run in
 * one Spring context), the view indexes created from the published mappings behind their aliases exactly
 * as the view builder creates them, the event topics, and the API configured with test keys and a JWT key.
 */
public final class QueryApiStack {

    public static final Engines ENGINES = Engines.shared();
    public static final TestNamespace NAMESPACE = TestNamespace.forClass(QueryApiStack.class);
    public static final String NAME_PREFIX = NAMESPACE.prefix() + "-";
    public static final String TOPIC_PREFIX = NAMESPACE.prefix() + ".";
    public static final String GROUP = NAMESPACE.group("view-builder");
    public static final String DATABASE = NAMESPACE.database("views");
    public static final String DEAD_LETTERS = NAMESPACE.topic("dead-letters");
    public static final List<String> AGGREGATE_TYPES = List.of("consumer", "delivery", "order", "restaurant");
    public static final int PARTITIONS = 2;

    private static boolean prepared;
    private static MongoClient mongo;
    private static ElasticsearchHttp elasticsearch;

    private QueryApiStack() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        prepare();
        registerEnginesAndCallers(registry);
        registry.add("panorama.query-api.database", () -> DATABASE);
        registry.add("panorama.query-api.name-prefix", () -> NAME_PREFIX);
        registry.add("panorama.query-api.topic-prefix", () -> TOPIC_PREFIX);
        registry.add("panorama.query-api.group-id", () -> GROUP);
        registry.add("panorama.query-api.view-version-cache-ttl", () -> "200ms");
        registry.add("panorama.query-api.consistency.max-wait", () -> "1500ms");
        registry.add("panorama.query-api.lag.stalled-after", () -> "3s");
        registry.add("panorama.query-api.lag.fresh-within", () -> "2s");
        registry.add("panorama.query-api.lag.log-end-cache-ttl", () -> "100ms");
        registry.add("panorama.query-api.lag.poll-interval", () -> "200ms");
        registry.add("panorama.query-api.dead-letters.topic", () -> DEAD_LETTERS);
    }

    /**
     * What every API under test shares, whatever its names: the engines, the test keys and the JWT key.
     * A test with names of its own (a namespace of its own) adds them and its own thresholds.
     */
    public static void registerEnginesAndCallers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> ENGINES.kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> ENGINES.mongo().connectionString());
        registry.add("spring.elasticsearch.uris", () -> ENGINES.elasticsearch().httpUrl());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestJwts::publicKeyLocation);
        String[][] keys = {{"reader", TestKeys.READER}, {"operator", TestKeys.OPERATOR}, {"admin", TestKeys.ADMIN}};
        for (int i = 0; i < keys.length; i++) {
            String[] key = keys[i];
            registry.add("panorama.query-api.security.api-keys[" + i + "].name", () -> "test-" + key[0]);
            registry.add("panorama.query-api.security.api-keys[" + i + "].sha256", () -> TestKeys.sha256(key[1]));
            registry.add("panorama.query-api.security.api-keys[" + i + "].roles[0]", () -> key[0]);
        }
    }

    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        for (String type : AGGREGATE_TYPES) {
            ENGINES.kafka().createTopic(topic(type), PARTITIONS);
        }
        ENGINES.kafka().createTopic(DEAD_LETTERS, PARTITIONS);
        elasticsearch = new ElasticsearchHttp(ENGINES.elasticsearch().httpUrl());
        elasticsearch.createView(alias("order-history"), mapping("order-history"));
        elasticsearch.createView(alias("available-restaurants"), mapping("available-restaurants"));
        mongo = MongoClients.create(ENGINES.mongo().connectionString());
        prepared = true;
    }

    public static String topic(String aggregateType) {
        return TOPIC_PREFIX + "ftgo." + aggregateType + ".events";
    }

    public static String alias(String view) {
        return NAME_PREFIX + view;
    }

    public static MongoDatabase database() {
        prepare();
        return mongo.getDatabase(DATABASE);
    }

    public static ElasticsearchHttp elasticsearch() {
        prepare();
        return elasticsearch;
    }

    /** The published mapping of a view's first version, as the view builder reads it ({@code $comment} dropped). */
    static ObjectNode mapping(String view) {
        return mapping(view, 1);
    }

    /** The published mapping of a view version, as the view builder reads it ({@code $comment} dropped). */
    public static ObjectNode mapping(String view, int version) {
        String resource = "panorama/schemas/views/" + view + ".v" + version + ".elasticsearch.json";
        try (InputStream in = QueryApiStack.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (panorama-schemas)");
            }
            ObjectNode mapping = (ObjectNode) Http.JSON.readTree(in);
            mapping.remove("$comment");
            return mapping;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
