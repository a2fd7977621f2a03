package dev.panorama.rebuild.switchover;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.process.ServiceLaunch;
import dev.panorama.devstack.process.ServiceProcess;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchiveWriter;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archiver.Archiver;
import dev.panorama.rebuild.archiver.ArchiverSettings;
import dev.panorama.rebuild.archiver.SegmentLimits;
import dev.panorama.rebuild.cli.RebuildToolMain;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.adapter.elasticsearch.ViewIndexes;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * What the rebuild tests share: the event topics of one namespace, a live view builder running from its
 * executable jar in a JVM of its own, an archiver on a thread, the view stores, and the tool's command line
 * pointed at all of them.
 */
final class RebuildStack implements AutoCloseable {

    static final List<String> AGGREGATES = List.of("consumer", "restaurant", "order", "delivery");
    static final int PARTITIONS = 3;

    private final Engines engines;
    /** The test's namespace and a scenario name: each scenario of a test class has topics, indexes and groups of its own. */
    private final String base;
    private final Path archiveDirectory;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final MongoClient mongo;
    private final ElasticsearchClient elasticsearch;
    /** The services' JVMs: live view builders, the query API. */
    private final List<ServiceProcess> services = new ArrayList<>();
    private Archiver archiver;
    private Thread archiverThread;

    RebuildStack(Engines engines, TestNamespace namespace, String scenario, Path archiveDirectory) {
        this.engines = engines;
        this.base = namespace.prefix() + scenario;
        this.archiveDirectory = archiveDirectory;
        AGGREGATES.forEach(aggregate -> engines.kafka().createTopic(topic(aggregate), PARTITIONS));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
            new StringSerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers()));
        this.mongo = MongoClients.create(engines.mongo().connectionString());
        this.elasticsearch = ElasticsearchClient.of(config -> config.host(engines.elasticsearch().httpUrl()));
    }

    String topic(String aggregate) {
        return base + ".ftgo." + aggregate + ".events";
    }

    String topicPrefix() {
        return base + ".";
    }

    String namePrefix() {
        return base + "-";
    }

    String database() {
        return base + "_views";
    }

    String group() {
        return base + "-view-builder";
    }

    MongoDatabase mongoDatabase() {
        return mongo.getDatabase(database());
    }

    ElasticsearchClient elasticsearch() {
        return elasticsearch;
    }

    Path archiveDirectory() {
        return archiveDirectory;
    }

    void publish(List<DomainEvent> events) {
        List<Future<?>> sends = new ArrayList<>();
        for (DomainEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic(event.metadata().aggregateType()), event.metadata().aggregateId(),
                EnvelopeJson.of(event));
            // The routing headers the outbox relay sets.
            record.headers().add("panorama-aggregate-type", event.metadata().aggregateType().getBytes(StandardCharsets.UTF_8))
                .add("panorama-aggregate-id", event.metadata().aggregateId().getBytes(StandardCharsets.UTF_8))
                .add("panorama-aggregate-version", Long.toString(event.metadata().aggregateVersion()).getBytes(StandardCharsets.UTF_8));
            sends.add(producer.send(record));
        }
        producer.flush();
        try {
            for (Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed: " + e.getMessage(), e);
        }
    }

    /** Starts a live view builder from its executable jar and waits until it consumes. */
    void startLiveBuilder(String name) {
        Map<String, String> properties = engineProperties();
        properties.put("panorama.view-builder.topic-prefix", topicPrefix());
        properties.put("panorama.view-builder.name-prefix", namePrefix());
        properties.put("panorama.view-builder.database", database());
        properties.put("panorama.view-builder.group-id", group());
        properties.put("panorama.view-builder.dead-letter-topic", base + ".dead-letters");
        properties.put("panorama.view-builder.heartbeat-interval", "1s");
        properties.put("panorama.view-builder.versions-refresh", "500ms");
        properties.put("spring.kafka.consumer.max-poll-records", "200");
        properties.put("server.port", "0");
        start(name, "view-builder.jar", properties);
    }

    /** Starts the query API from its executable jar with the dev profile's API keys; returns its base URL. */
    String startQueryApi() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = engineProperties();
        properties.put("spring.profiles.active", "dev");
        properties.put("panorama.query-api.name-prefix", namePrefix());
        properties.put("panorama.query-api.database", database());
        properties.put("panorama.query-api.group-id", group());
        properties.put("server.port", Integer.toString(port));
        start("query-api", "query-api.jar", properties);
        return "http://127.0.0.1:" + port;
    }

    private Map<String, String> engineProperties() {
        Map<String, String> properties = new TreeMap<>();
        properties.put("spring.kafka.bootstrap-servers", engines.kafka().bootstrapServers());
        properties.put("spring.mongodb.uri", engines.mongo().connectionString());
        properties.put("spring.elasticsearch.uris", engines.elasticsearch().httpUrl());
        return properties;
    }

    /** Runs a service from the jar a system property names, in a JVM of its own, until Spring Boot says it started. */
    private void start(String name, String jarProperty, Map<String, String> properties) {
        ServiceLaunch launch = ServiceLaunch.ofJarProperty(name, jarProperty).heap("256m").properties(properties);
        services.add(ServiceProcess.start(launch, Path.of("target", "rebuild-logs", base + "-" + name + ".log").toAbsolutePath(),
            Duration.ofSeconds(120)));
    }

    /** Archives the four topics on a thread of its own until closed. */
    void startArchiver() {
        startArchiver(500);
    }

    /** The archiver, sealing a segment at {@code maxRecords} records (or 300 ms). */
    void startArchiver(int maxRecords) {
        ArchiverSettings settings = new ArchiverSettings(engines.kafka().bootstrapServers(), base + "-archiver", null,
            AGGREGATES.stream().map(this::topic).toList(), null, new SegmentLimits(maxRecords, 4 * 1024 * 1024, Duration.ofMillis(300)),
            Duration.ofSeconds(5));
        archiver = new Archiver(settings, new ArchiveWriter(new LocalDirectoryArchiveStore(archiveDirectory)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        archiverThread = Thread.ofPlatform().name("archiver").start(archiver);
    }

    /** Waits until the archiver has archived everything published. */
    void awaitArchivedEverything(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(300)).until(() -> {
            ArchiveReader reader = new ArchiveReader(new LocalDirectoryArchiveStore(archiveDirectory));
            long archived = 0;
            for (String aggregate : AGGREGATES) {
                archived += reader.highWaterMarks(topic(aggregate)).values().stream().mapToLong(Long::longValue).sum();
            }
            return archived == endOffsets();
        });
    }

    /** The indexes the view's alias points at. */
    Set<String> aliasTargets(String view) throws IOException {
        return elasticsearch.indices().getAlias(get -> get.name(namePrefix() + view)).aliases().keySet();
    }

    /** Waits until the live group has applied everything published. */
    void awaitLiveCaughtUp(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> lagOf(group()) == 0);
    }

    /** The log-end offsets of the four topics, summed. */
    long endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String aggregate : AGGREGATES) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic(aggregate), partition), OffsetSpec.latest());
            }
        }
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
    }

    long lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String aggregate : AGGREGATES) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic(aggregate), partition), OffsetSpec.latest());
            }
        }
        var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var entry : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(entry.getKey());
            lag += entry.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Every document of an Elasticsearch view version, as JSON trees by id. */
    Map<String, JsonNode> indexDocuments(String view, int version) throws IOException {
        String index = ViewIndexes.indexName(namePrefix() + view, version);
        elasticsearch.indices().refresh(refresh -> refresh.index(index));
        Map<String, JsonNode> documents = new TreeMap<>();
        var page = elasticsearch.search(search -> search.index(index).size(10_000), Map.class);
        page.hits().hits().forEach(hit -> documents.put(hit.id(), DocumentJson.MAPPER.readTree(DocumentJson.toJson(hit.source()))));
        return documents;
    }

    /** The oracle's documents of a projection over these events, as JSON trees by id. */
    static Map<String, JsonNode> expected(ViewProjection<?> projection, List<DomainEvent> events) {
        Map<String, JsonNode> documents = new TreeMap<>();
        for (Map.Entry<String, ViewDocument> entry : Oracle.render(projection, events).entrySet()) {
            documents.put(entry.getKey(), DocumentJson.MAPPER.readTree(DocumentJson.toJson(entry.getValue())));
        }
        return documents;
    }

    /** What differs between two views, by document and field; empty when they are equal. */
    static String diff(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            JsonNode have = actual.get(entry.getKey());
            if (have == null) {
                missing.add(entry.getKey());
            } else if (!have.equals(entry.getValue())) {
                List<String> fields = new ArrayList<>();
                entry.getValue().propertyNames().forEach(field -> {
                    if (!entry.getValue().get(field).equals(have.get(field))) {
                        fields.add(field + ": expected " + entry.getValue().get(field) + " but was " + have.get(field));
                    }
                });
                have.propertyNames().forEach(field -> {
                    if (!entry.getValue().has(field)) {
                        fields.add(field + ": unexpected " + have.get(field));
                    }
                });
                differing.add(entry.getKey() + " {" + String.join("; ", fields) + "}");
            }
        }
        actual.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(extra::add);
        if (missing.isEmpty() && extra.isEmpty() && differing.isEmpty()) {
            return "";
        }
        return missing.size() + " missing " + missing.stream().limit(3).toList() + ", " + extra.size() + " extra " + extra.stream().limit(3).toList()
            + ", " + differing.size() + " differing, e.g. " + differing.stream().limit(3).toList();
    }

    /** Runs the tool's command line in this JVM; returns its exit code and output. */
    ToolRun tool(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(connectionArguments());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RebuildToolMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ToolRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The options that point a tool command at this stack. */
    List<String> connectionArguments() {
        return List.of("--elasticsearch-url", engines.elasticsearch().httpUrl(), "--mongodb-uri", engines.mongo().connectionString(),
            "--database", database(), "--bootstrap-servers", engines.kafka().bootstrapServers(), "--group-id", group(),
            "--name-prefix", namePrefix(), "--topic-prefix", topicPrefix());
    }

    record ToolRun(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @Override
    public void close() throws Exception {
        services.forEach(ServiceProcess::close);
        if (archiver != null) {
            archiver.stop();
            archiver.awaitStopped(Duration.ofSeconds(30));
            archiverThread.join(Duration.ofSeconds(5));
        }
        producer.close();
        admin.close();
        mongo.close();
        elasticsearch._transport().close();
    }
}
