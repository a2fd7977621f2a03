package dev.panorama.rebuild.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.panorama.devstack.EngineSettings;
import dev.panorama.devstack.Engines;
import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.ArchiveWriter;
import dev.panorama.rebuild.archive.ArchivedRecord;
import dev.panorama.rebuild.archive.LocalDirectoryArchiveStore;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.archive.SegmentEntry;
import dev.panorama.rebuild.archiver.Archiver;
import dev.panorama.rebuild.archiver.ArchiverSettings;
import dev.panorama.rebuild.archiver.SegmentLimits;
import dev.panorama.rebuild.switchover.RebuildCheckpoints;
import dev.panorama.rebuild.snapshot.SnapshotArchive;
import dev.panorama.rebuild.switchover.ViewRebuild;
import dev.panorama.rebuild.views.LiveGroup;
import dev.panorama.rebuild.views.ViewStores;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.adapter.elasticsearch.ViewIndexes;
import dev.panorama.views.adapter.mongo.MongoViewVersions;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.EventMetadata;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.event.ReadResult;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.fixtures.ResidentMemory;
import dev.panorama.views.fixtures.SnapshotLines;
import dev.panorama.views.projection.FullRender;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.projection.ViewDocument;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Events per second of a view rebuild ({@code order-history} v2, Elasticsearch) from an archive, against
 * the raw bulk-sink ceiling measured in the same run.
 * <ol>
 *   <li>This JVM starts the embedded engines (Kafka, the MongoDB wire server, a forked Elasticsearch node),
 *       publishes an {@link FtgoStory} to the four event topics (three partitions each, with the envelope
 *       headers the outbox relay sets), runs the real {@link Archiver} until the archive holds every record,
 *       registers {@code order-history} v1 as the live builder would, and sets the live group's committed
 *       offsets to the log end (no live member: the rebuild hands over at once).</li>
 *   <li>A worker JVM of its own (a fixed heap, -Xms as -Xmx, as the README advises for a rebuild) runs the real {@link ViewRebuild#run} end to end — fold the
 *       archive, write every document, verify, switch — timing its phases from the listener's messages, and
 *       reads its peak resident memory and heap.</li>
 *   <li>Optionally ({@code -Dbreakdown=true}, the default) it reads the archive again four ways to say where
 *       the fold's time goes: segments only (SHA-256, decompression, line decoding), plus parsing the envelopes, plus
 *       the whole {@link EventReader} (parse, JSON schema validation, upcast, mapping), and the event reader as the
 *       fold uses it (records the archiver accepted not validated again).</li>
 *   <li><b>Ceiling</b>: the same final documents, rendered beforehand from an in-memory fold of the story (not
 *       timed), bulk-written into a fresh index with the same mapping, with the same client and bulk size, as
 *       plain index operations: once before the rebuilds and once after them, each time in a JVM of its own (as
 *       cold as the tool's). The node keeps speeding up as it goes, so a ceiling measured only after the rebuilds
 *       would favour the ceiling and one measured only before them the rebuild: the ratio uses their mean (and is
 *       also given against the higher of the two).</li>
 * </ol>
 * Then, unless {@code -Dsnapshots=false}, v2 is rolled back and retired and rebuilt again from snapshots of the
 * first 90 % of the story stored in the archive, as the command services would have exported them.
 *
 * <p>Arguments: {@code [orders]}, default 230 000 (about 1.05 million events). System properties:
 * {@code batch} (documents per bulk request, default 1 000 as the tool's {@code --batch}), {@code snapshots}, {@code heap}
 * (the workers' fixed heap, default 3g), {@code breakdown}; environment {@code BENCH_WORKER_OPTS} adds JVM options to the worker.
 */
public final class RebuildBenchmark {

    static final long SEED = 7;
    static final int PARTITIONS = 3;
    static final String VIEW = OrderHistoryProjection.VIEW;
    static final int TARGET_VERSION = 2;
    /** How a ceiling worker tells the ceiling it measured: events/s, then the documents it wrote. */
    static final String CEILING = "ceiling, events/s and documents:";
    /**
     * How the rebuild worker tells its results: events, events/s, with the verification, the same two from snapshots (NaN when
     * skipped), then the documents it wrote.
     */
    static final String REBUILT = "rebuilt, events, events/s and documents:";
    static final String DATABASE = "panorama_bench";
    static final String GROUP = "panorama-view-builder";
    static final int BATCH = Integer.getInteger("batch", 1_000);
    /** The workers' heap, fixed as the tool's README advises for a rebuild (-Xms as -Xmx). */
    static final String HEAP = System.getProperty("heap", "3g");
    static final List<String> WORKER_HEAP = List.of("-Xms" + HEAP, "-Xmx" + HEAP);

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 230_000;
        Path archive = Files.createTempDirectory("panorama-rebuild-bench-archive-");
        // A run stopped by Ctrl-C or kill leaves no archive of 100 MB behind either (the finally below does not run then).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteRecursively(archive);
            } catch (IOException e) {
                System.err.println("could not delete the benchmark's archive " + archive + ": " + e.getMessage());
            }
        }));
        int status;
        try (Engines engines = Engines.embedded(EngineSettings.forTests(), line -> System.out.println("[devstack] " + line))) {
            engines.startAll();
            List<DomainEvent> story = story(orders);
            publish(engines, story, orders);
            archiveEverything(engines, archive, story.size());
            prepareLiveView(engines);
            warmUpElasticsearch(engines, story);
            story = null; // the worker generates it again for the ceiling; this JVM holds Kafka and MongoDB
            // The node still speeds up as it goes: the ceiling is measured before the rebuilds and after them, each time in a
            // JVM of its own (as cold as the tool's, as the rebuild worker is), and the ratio uses their mean.
            double[] before = ceilingInItsOwnJvm(engines, archive, orders, "before");
            double[] rebuilt = new double[6];
            status = runWorker(engines, archive, orders, "rebuild", line -> {
                if (line.startsWith(REBUILT)) {
                    String[] numbers = line.substring(REBUILT.length()).trim().split(" ");
                    for (int i = 0; i < rebuilt.length; i++) {
                        rebuilt[i] = Double.parseDouble(numbers[i]);
                    }
                }
            });
            if (status == 0) {
                double[] after = ceilingInItsOwnJvm(engines, archive, orders, "after");
                if (rebuilt[5] != before[1] || rebuilt[5] != after[1]) {
                    throw new IllegalStateException("the rebuild wrote " + rebuilt[5] + " documents, the ceilings " + before[1] + " and " + after[1]);
                }
                printResults(rebuilt, before[0], after[0]);
            }
        } finally {
            deleteRecursively(archive);
        }
        System.exit(status);
    }

    /** Publishes the story to the four topics as the outbox relay would (key = aggregate id, envelope headers). */
    private static void publish(Engines engines, List<DomainEvent> story, int orders) throws Exception {
        System.out.printf("story: %,d events (%,d orders, %,d consumers, %,d restaurants; seed %d)%n", story.size(), orders,
            consumers(orders), restaurants(orders), SEED);
        EventReader reader = new EventReader();
        ArchiverSettings.EVENT_TOPICS.forEach(topic -> engines.kafka().createTopic(topic, PARTITIONS));
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long begin = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (DomainEvent event : story) {
                EventMetadata metadata = event.metadata();
                byte[] value = EnvelopeJson.of(event);
                bytes += value.length;
                String topic = reader.catalog().topicOf(metadata.aggregateType()).orElseThrow();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, metadata.aggregateId(), value);
                header(record, "panorama-event-id", metadata.eventId().toString());
                header(record, "panorama-event-type", metadata.eventType());
                header(record, "panorama-schema-version", Integer.toString(metadata.schemaVersion()));
                header(record, "panorama-aggregate-type", metadata.aggregateType());
                header(record, "panorama-aggregate-id", metadata.aggregateId());
                header(record, "panorama-aggregate-version", Long.toString(metadata.aggregateVersion()));
                header(record, "panorama-occurred-at", metadata.occurredAt().toString());
                header(record, "panorama-correlation-id", metadata.correlationId());
                producer.send(record, (sent, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed: " + failure.get().getMessage(), failure.get());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("published: %,d events (%,d MB of envelopes) to %d topics x %d partitions in %.1f s = %,.0f events/s%n", story.size(),
            bytes / 1_000_000, ArchiverSettings.EVENT_TOPICS.size(), PARTITIONS, seconds, story.size() / seconds);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Runs the real archiver (default segment size; a short age limit only so that the tail is sealed soon) until it holds everything. */
    private static void archiveEverything(Engines engines, Path directory, long events) throws Exception {
        long begin = System.nanoTime();
        ArchiverSettings settings = new ArchiverSettings(engines.kafka().bootstrapServers(), ArchiverSettings.DEFAULT_GROUP_ID, null,
            ArchiverSettings.EVENT_TOPICS, null, new SegmentLimits(SegmentLimits.DEFAULTS.maxRecords(), SegmentLimits.DEFAULTS.maxBytes(),
            Duration.ofSeconds(2)), Duration.ofMinutes(10));
        Archiver archiver = new Archiver(settings, new ArchiveWriter(new LocalDirectoryArchiveStore(directory)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Thread thread = Thread.ofPlatform().name("archiver").start(archiver);
        ArchiveReader reader = new ArchiveReader(new LocalDirectoryArchiveStore(directory));
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> archived(reader) >= events || !thread.isAlive());
        if (archived(reader) < events) {
            throw new IllegalStateException("the archiver stopped before it archived every event: " + archived(reader) + " of " + events);
        }
        archiver.stop();
        archiver.awaitStopped(Duration.ofSeconds(30));
        thread.join(Duration.ofSeconds(5));
        long bytes = 0;
        int segments = 0;
        for (PartitionId partition : reader.partitions()) {
            for (var segment : reader.manifest(partition).segments()) {
                bytes += segment.bytes();
                segments++;
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("archived: %,d records in %d segments over %d partitions, %,d MB compressed, in %.1f s = %,.0f records/s%n",
            archived(reader), segments, reader.partitions().size(), bytes / 1_000_000, seconds, events / seconds);
    }

    private static long archived(ArchiveReader reader) {
        long archived = 0;
        for (String topic : ArchiverSettings.EVENT_TOPICS) {
            archived += reader.highWaterMarks(topic).values().stream().mapToLong(Long::longValue).sum();
        }
        return archived;
    }

    /**
     * What a live view builder leaves behind that the rebuild relies on: the registry naming v1 active, the
     * v1 index behind the alias, and the group's committed offsets at the log end (everything applied).
     */
    private static void prepareLiveView(Engines engines) throws Exception {
        try (MongoClient mongo = MongoClients.create(engines.mongo().connectionString())) {
            new MongoViewVersions(mongo.getDatabase(DATABASE), "").createIfAbsent(VIEW, 1);
        }
        ElasticsearchClient elasticsearch = ElasticsearchClient.of(config -> config.host(engines.elasticsearch().httpUrl()));
        ViewIndexes.ensure(elasticsearch, VIEW, VIEW, 1, 0);
        elasticsearch._transport().close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            ArchiverSettings.EVENT_TOPICS.forEach(topic -> {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
                }
            });
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, info) ->
                committed.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(GROUP, committed).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A production Elasticsearch node has run for a while: 60 000 order-history v2 documents bulk-written four times
     * into fresh scratch indexes and deleted, as plain index operations (the ceiling's) and as create operations (the
     * rebuild's) in turn. The node keeps speeding up over its first few hundred thousand documents; without this the
     * first of the ceiling and the rebuild would pay for that.
     */
    private static void warmUpElasticsearch(Engines engines, List<DomainEvent> story) throws IOException {
        long begin = System.nanoTime();
        var projection = OrderHistoryProjection.v2();
        InMemoryStates states = Oracle.states(story.subList(0, Math.min(story.size(), 400_000)));
        List<ViewDocument> documents = new ArrayList<>();
        FullRender.documents(projection, states, FullRender.documentIds(projection, states)).forEachRemaining(documents::add);
        documents = documents.subList(0, Math.min(documents.size(), 60_000));
        ElasticsearchClient elasticsearch = ElasticsearchClient.of(config -> config.host(engines.elasticsearch().httpUrl()));
        for (int pass = 0; pass < 4; pass++) {
            boolean create = pass % 2 == 1;
            String alias = "warm-up-" + pass + "-" + VIEW;
            String index = ViewIndexes.indexName(alias, TARGET_VERSION);
            ViewIndexes.ensureVersion(elasticsearch, alias, VIEW, TARGET_VERSION, 0);
            bulkWrite(elasticsearch, index, documents, create);
            elasticsearch.indices().delete(delete -> delete.index(index));
        }
        elasticsearch._transport().close();
        System.out.printf("Elasticsearch warmed up: %,d documents written four times (index and create operations in turn) into scratch indexes (deleted)"
            + " in %.1f s%n", documents.size(), (System.nanoTime() - begin) / 1e9);
    }

    /** Plain index operations in bulk requests of {@link #BATCH}, each document's JSON as bytes as the store sends it: the ceiling's way of writing. */
    static void bulkIndex(ElasticsearchClient elasticsearch, String index, List<ViewDocument> documents) throws IOException {
        bulkWrite(elasticsearch, index, documents, false);
    }

    /** As {@link #bulkIndex}, or with create operations (the rebuild's first write of each document). */
    private static void bulkWrite(ElasticsearchClient elasticsearch, String index, List<ViewDocument> documents, boolean create) throws IOException {
        for (int from = 0; from < documents.size(); from += BATCH) {
            List<BulkOperation> operations = documents.subList(from, Math.min(documents.size(), from + BATCH)).stream()
                .map(document -> {
                    BinaryData source = BinaryData.of(DocumentJson.toBytes(document), ContentType.APPLICATION_JSON);
                    return create ? BulkOperation.of(op -> op.create(put -> put.index(index).id(document.id()).document(source)))
                        : BulkOperation.of(op -> op.index(put -> put.index(index).id(document.id()).document(source)));
                })
                .toList();
            BulkResponse response = elasticsearch.bulk(bulk -> bulk.operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("bulk write to " + index + " failed: " + response.items().stream()
                    .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
            }
        }
    }

    /** The ceiling measured by a worker JVM of its own: events/s, and the documents written. */
    private static double[] ceilingInItsOwnJvm(Engines engines, Path archive, int orders, String when) throws Exception {
        double[] ceiling = {Double.NaN, Double.NaN};
        int status = runWorker(engines, archive, orders, "ceiling-" + when, line -> {
            if (line.startsWith(CEILING)) {
                String[] numbers = line.substring(CEILING.length()).trim().split(" ");
                ceiling[0] = Double.parseDouble(numbers[0]);
                ceiling[1] = Double.parseDouble(numbers[1]);
            }
        });
        if (status != 0 || Double.isNaN(ceiling[0])) {
            throw new IllegalStateException("the ceiling " + when + " the rebuilds was not measured (worker status " + status + ")");
        }
        return ceiling;
    }

    private static void printResults(double[] rebuilt, double before, double after) {
        double ceiling = (before + after) / 2;
        System.out.printf("%nresult: events %,.0f | rebuild %,.0f events/s (fold + write), %,.0f events/s with the verification | ceiling %,.0f events/s"
            + " (the mean of %,.0f before the rebuilds and %,.0f after them)%n", rebuilt[0], rebuilt[1], rebuilt[2], ceiling, before, after);
        System.out.printf("result: rebuild / ceiling = %.2f (goal >= 0.8); with the verification %.2f; against the higher of the two ceilings %.2f%n",
            rebuilt[1] / ceiling, rebuilt[2] / ceiling, rebuilt[1] / Math.max(before, after));
        if (!Double.isNaN(rebuilt[3])) {
            System.out.printf("result: with snapshots (of 90 %% of the story) %,.0f events/s (loading them, fold and write) = %.2f of the ceiling (%.2f against"
                + " the higher); with the verification %,.0f events/s = %.2f%n", rebuilt[3], rebuilt[3] / ceiling, rebuilt[3] / Math.max(before, after),
                rebuilt[4], rebuilt[4] / ceiling);
        }
    }

    /** @param mode {@code ceiling-before} or {@code ceiling-after} for the ceiling alone, {@code rebuild} for the rebuilds */
    private static int runWorker(Engines engines, Path archive, int orders, String mode, Consumer<String> lines) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(WORKER_HEAP);
        String extra = System.getenv("BENCH_WORKER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-Dbatch=" + BATCH, "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener", "-Dbreakdown=" + System.getProperty("breakdown", "true"), "-Dsnapshots=" + System.getProperty("snapshots", "true"),
            "-cp", System.getProperty("java.class.path"), Worker.class.getName(),
            engines.mongo().connectionString(), engines.elasticsearch().httpUrl(), engines.kafka().bootstrapServers(), archive.toString(),
            Integer.toString(orders), mode));
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
                lines.accept(line);
            }
        }
        return worker.waitFor();
    }

    static List<DomainEvent> story(int orders) {
        return FtgoStory.generate(SEED, consumers(orders), restaurants(orders), orders);
    }

    static int consumers(int orders) {
        return Math.max(10, orders / 10);
    }

    static int restaurants(int orders) {
        return Math.max(5, orders / 100);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A JVM doing the work: the ceiling alone, or the rebuilds and the fold breakdown; its own heap cap and resident memory. */
    public static final class Worker {

        public static void main(String[] args) throws Exception {
            String mongoUri = args[0];
            String elasticsearchUrl = args[1];
            String bootstrapServers = args[2];
            Path archive = Path.of(args[3]);
            int orders = Integer.parseInt(args[4]);
            if (args[5].startsWith("ceiling-")) {
                ElasticsearchClient elasticsearch = ElasticsearchClient.of(config -> config.host(elasticsearchUrl));
                ceiling(elasticsearch, orders, args[5].substring("ceiling-".length()));
                elasticsearch._transport().close();
                return;
            }
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("worker: %s, %d processors, max heap %,d MB, GC %s%n", String.join(" ", WORKER_HEAP), runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024), ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName).toList());
            HeapWatch heap = HeapWatch.start();
            try (MongoClient mongo = MongoClients.create(mongoUri)) {
                ElasticsearchClient elasticsearch = ElasticsearchClient.of(config -> config.host(elasticsearchUrl));
                Rebuilt rebuilt = rebuild(mongo.getDatabase(DATABASE), elasticsearch, bootstrapServers, archive, false);
                String memory = residentMemory();
                String heapPeak = heap.peak();
                Rebuilt fromSnapshots = null;
                if (Boolean.parseBoolean(System.getProperty("snapshots", "true"))) {
                    fromSnapshots = rebuildFromSnapshots(mongo.getDatabase(DATABASE), elasticsearch, bootstrapServers, archive, orders);
                }
                if (Boolean.parseBoolean(System.getProperty("breakdown", "true"))) {
                    breakdown(archive);
                }
                System.out.printf(Locale.ROOT, "%s %d %f %f %f %f %d%n", REBUILT, rebuilt.events(), rebuilt.perSecond(), rebuilt.perSecondVerified(),
                    fromSnapshots == null ? Double.NaN : fromSnapshots.perSecond(), fromSnapshots == null ? Double.NaN : fromSnapshots.perSecondVerified(),
                    rebuilt.documents());
                System.out.printf("result: worker after the rebuild: resident %s; heap used peak %s (%s)%n", memory, heapPeak, String.join(" ", WORKER_HEAP));
                elasticsearch._transport().close();
            }
        }

        /**
         * The same rebuild again, from snapshots of the first 90 % of the story (as the command services would have
         * exported them, stored in the archive): v2 is rolled back and retired first, so that it is built anew.
         */
        static Rebuilt rebuildFromSnapshots(MongoDatabase database, ElasticsearchClient elasticsearch, String bootstrapServers, Path archive,
                                            int orders) throws IOException {
            ViewStores stores = new ViewStores(elasticsearch, database, "", 0);
            stores.versionSwitch(ViewCatalog.ftgo(), Clock.systemUTC()).rollback(VIEW);
            stores.versionSwitch(ViewCatalog.ftgo(), Clock.systemUTC()).retire(VIEW);
            List<DomainEvent> story = story(orders);
            var states = Oracle.states(story.subList(0, story.size() * 9 / 10)).all();
            SnapshotArchive snapshots = new SnapshotArchive(new LocalDirectoryArchiveStore(archive));
            long storing = System.nanoTime();
            long unopened = 0;
            ArchiveReader reader = new ArchiveReader(new LocalDirectoryArchiveStore(archive));
            for (String type : List.of("consumer", "restaurant", "order", "delivery")) {
                SnapshotArchive.StoredSnapshot stored = snapshots.store(SnapshotLines.of(type, Instant.now().minusSeconds(60), states));
                unopened += snapshots.coverage(stored).map(coverage -> coverage.records(reader)).orElse(0L);
            }
            // As the snapshot command does, not timed as part of the rebuild: checking the lines and working out which segments they wholly hold.
            System.out.printf("%nsnapshots of the first 90 %% of the story stored (%,d aggregates) in %.1f s (not part of the rebuild): they wholly hold"
                + " segments of %,d records%n", states.size(), (System.nanoTime() - storing) / 1e9, unopened);
            return rebuild(database, elasticsearch, bootstrapServers, archive, true);
        }

        /** The real rebuild, end to end, its phases timed from the listener's messages. */
        static Rebuilt rebuild(MongoDatabase database, ElasticsearchClient elasticsearch, String bootstrapServers, Path archive, boolean useSnapshots)
            throws IOException {
            ViewStores stores = new ViewStores(elasticsearch, database, "", 0);
            RebuildCheckpoints checkpoints = new RebuildCheckpoints(database, "");
            PhaseClock phases = new PhaseClock();
            long gcBefore = gcMillis();
            try (LiveGroup live = new LiveGroup(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "panorama-rebuild-benchmark"), GROUP)) {
                LocalDirectoryArchiveStore store = new LocalDirectoryArchiveStore(archive);
                ViewRebuild rebuild = new ViewRebuild(ViewCatalog.ftgo(), stores, checkpoints, new ArchiveReader(store), new SnapshotArchive(store),
                    live, new EventReader(), Clock.systemUTC());
                System.out.printf("%nrebuild: %s v%d from the archive%s, bulk requests of %d documents; load average %s%n", VIEW, TARGET_VERSION,
                    useSnapshots ? " and snapshots" : "", BATCH, loadAverage());
                phases.mark("start");
                ViewRebuild.Result result = rebuild.run(new ViewRebuild.Settings(VIEW, TARGET_VERSION, "", Duration.ofSeconds(10), Duration.ofMinutes(1),
                    1_000, BATCH, true, false, useSnapshots, 1), new ViewRebuild.Listener() {
                        private long lastSaved;

                        @Override
                        public void say(String line) {
                            phases.say(line);
                        }

                        @Override
                        public void progress(String step, long done, long total) {
                            phases.progress(step, done, total);
                            // As the command line does: operators read the progress from the checkpoint, once a second.
                            long now = System.nanoTime();
                            if (now - lastSaved > 1_000_000_000L || done >= total) {
                                lastSaved = now;
                                checkpoints.progress(VIEW, TARGET_VERSION, step, done, total, 0, 0);
                            }
                        }
                    });
                phases.mark("end");
                if (!result.switched()) {
                    throw new IllegalStateException("the rebuild did not switch: " + result);
                }
                // The events the rebuild covers: every archived record below the line, whether parsed or held by a snapshot.
                long events = phases.number("folding ");
                // Loading the snapshots is part of the work: a rebuild from snapshots is not credited with it for free.
                double load = useSnapshots ? phases.between("loading the newest snapshots", "folding ") : 0;
                double fold = phases.between("folding ", "folded: ");
                double ids = phases.between("folded: ", "writing ");
                double write = phases.between("writing ", "written: ");
                double verify = phases.between("written: ", "verified: ");
                double before = phases.between("start", "folding ") - load;
                double after = phases.between("verified: ", "end");
                double foldAndWrite = load + fold + ids + write;
                double all = foldAndWrite + verify;
                long gc = gcMillis() - gcBefore;
                System.out.printf("rebuild: %,d events, %,d documents; register + hand over %.1f s | load snapshots %.1f s | fold %.1f s | document ids %.1f s"
                    + " | write %.1f s | verify %.1f s | switch %.1f s; GC %.1f s%n", events, result.documents(), before, load, fold, ids, write, verify,
                    after, gc / 1e3);
                System.out.printf("rebuild: (load +) fold + write %.1f s = %,.0f events/s (%,.0f documents/s written); with the verification %.1f s = %,.0f events/s;"
                    + " end to end %.1f s%n", foldAndWrite, events / foldAndWrite, result.documents() / write, all, events / all,
                    phases.between("start", "end"));
                System.out.printf("rebuild: rate by quarter of the work: fold %s; write %s%n", phases.quarters("fold"), phases.quarters("write"));
                System.out.printf("rebuild: where the time went (load + fold + write + verify): load %.0f %%, fold %.0f %% (%,.0f events/s), document ids %.0f %%,"
                    + " write %.0f %%, verify %.0f %%%n", 100 * load / all, 100 * fold / all, events / fold, 100 * ids / all, 100 * write / all,
                    100 * verify / all);
                return new Rebuilt(events, result.documents(), events / foldAndWrite, events / all);
            }
        }

        /** Reads the archive again four ways, each pass timed: where the fold's time goes. */
        static void breakdown(Path directory) {
            ArchiveReader archive = new ArchiveReader(new LocalDirectoryArchiveStore(directory));
            EventReader reader = new EventReader();
            List<PartitionId> partitions = archive.partitions();
            long[] records = {0};
            // Segment by segment, as the fold reads them (each checked and decoded in one pass), here on one thread.
            double read = timed(() -> forEachRecord(archive, partitions, record -> records[0]++));
            double parse = timed(() -> forEachRecord(archive, partitions, record -> DocumentJson.MAPPER.readTree(record.value())));
            long[] accepted = {0};
            double events = timed(() -> forEachRecord(archive, partitions, record -> {
                if (reader.read(record.value()) instanceof ReadResult.Accepted) {
                    accepted[0]++;
                }
            }));
            long[] trusted = {0};
            // As the fold reads them: records the archiver accepted when it archived them are not validated again.
            double asFolded = timed(() -> forEachRecord(archive, partitions, (segment, record) -> {
                if (segment.accepted(record.offset())) {
                    trusted[0]++;
                }
                ReadResult result = segment.accepted(record.offset()) ? reader.readAccepted(record.value()) : reader.read(record.value());
                if (!(result instanceof ReadResult.Accepted)) {
                    throw new IllegalStateException("accepted by one read and not by the other: offset " + record.offset());
                }
            }));
            System.out.printf("%nfold breakdown (one thread, %,d records, %,d accepted): archive segments read as the fold reads them (SHA-256, decompression, lines decoded)"
                + " %.1f s = %,.0f records/s; + envelope JSON parse %.1f s; + the whole EventReader (parse, schema validation, upcast, mapping) %.1f s"
                + " => EventReader %.1f s of it, schema validation and mapping about %.1f s; as the fold reads them (%,d accepted when archived, not"
                + " validated again) EventReader %.1f s%n", records[0], accepted[0], read, records[0] / read, parse - read, events - read, events - read,
                events - parse, trusted[0], asFolded - read);
        }

        private static void forEachRecord(ArchiveReader archive, List<PartitionId> partitions, Consumer<ArchivedRecord> action) {
            forEachRecord(archive, partitions, (segment, record) -> action.accept(record));
        }

        private static void forEachRecord(ArchiveReader archive, List<PartitionId> partitions, BiConsumer<SegmentEntry, ArchivedRecord> action) {
            for (PartitionId partition : partitions) {
                for (SegmentEntry segment : archive.manifest(partition).segments()) {
                    archive.readSegment(partition, segment).forEach(record -> action.accept(segment, record));
                }
            }
        }

        /**
         * The same final documents bulk-written directly into a fresh index with the same mapping: no fold, no conditions.
         *
         * @param when {@code before} or {@code after} the rebuilds
         */
        static void ceiling(ElasticsearchClient elasticsearch, int orders, String when) throws IOException {
            List<DomainEvent> story = story(orders);
            InMemoryStates states = Oracle.states(story);
            var projection = OrderHistoryProjection.v2();
            List<ViewDocument> documents = new ArrayList<>();
            FullRender.documents(projection, states, FullRender.documentIds(projection, states)).forEachRemaining(documents::add);
            String alias = "ceiling-" + when + "-" + VIEW;
            String index = ViewIndexes.indexName(alias, TARGET_VERSION);
            ViewIndexes.ensureVersion(elasticsearch, alias, VIEW, TARGET_VERSION, 0);
            long begin = System.nanoTime();
            bulkIndex(elasticsearch, index, documents);
            double seconds = (System.nanoTime() - begin) / 1e9;
            elasticsearch.indices().refresh(refresh -> refresh.index(index));
            long count = elasticsearch.count(count1 -> count1.index(index)).count();
            System.out.printf("%nceiling %s the rebuilds: %,d documents (for %,d events) bulk-written in %.1f s = %,.0f documents/s = %,.0f events/s;"
                + " %,d in the index; load average %s%n", when, documents.size(), story.size(), seconds, documents.size() / seconds, story.size() / seconds,
                count, loadAverage());
            if (count != documents.size()) {
                throw new IllegalStateException("the ceiling's index holds " + count + " documents, not " + documents.size());
            }
            elasticsearch.indices().delete(delete -> delete.index(index));
            System.out.printf(Locale.ROOT, "%s %f %d%n", CEILING, story.size() / seconds, documents.size());
        }

        private static double timed(Runnable work) {
            long begin = System.nanoTime();
            work.run();
            return (System.nanoTime() - begin) / 1e9;
        }

        private static String loadAverage() throws IOException {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }

        private static String residentMemory() throws IOException {
            ResidentMemory memory = ResidentMemory.ofThisProcess();
            return String.format("%,d MB peak (%,d MB now)", memory.peakMegabytes(), memory.nowMegabytes());
        }

        record Rebuilt(long events, long documents, double perSecond, double perSecondVerified) {
        }
    }

    /** When each of the rebuild's messages came, printed as they come with the seconds since the start. */
    static final class PhaseClock {

        private final Map<String, Long> marks = new HashMap<>();
        private final Map<String, String> lines = new HashMap<>();
        private long start;

        void mark(String name) {
            long now = System.nanoTime();
            if (marks.isEmpty()) {
                start = now;
            }
            marks.put(name, now);
        }

        void say(String line) {
            long now = System.nanoTime();
            System.out.printf("  %7.1f s  %s%n", (now - start) / 1e9, line.length() > 200 ? line.substring(0, 200) + "…" : line);
            for (String prefix : List.of("loading the newest snapshots", "folding ", "folded: ", "writing ", "written: ", "verified: ")) {
                if (line.startsWith(prefix)) {
                    marks.put(prefix, now);
                    lines.put(prefix, line);
                }
            }
        }

        double between(String from, String to) {
            Long begin = marks.get(from);
            Long end = marks.get(to);
            if (begin == null || end == null) {
                throw new IllegalStateException("the rebuild did not say '" + (begin == null ? from : to) + "…'");
            }
            return (end - begin) / 1e9;
        }

        private final Map<String, List<long[]>> progress = new HashMap<>();

        /** Remembers when each quarter of a step's work was reached. */
        void progress(String step, long done, long total) {
            List<long[]> reached = progress.computeIfAbsent(step, key -> new ArrayList<>(List.of(new long[] {System.nanoTime(), done})));
            if (total > 0 && done * 4 >= total * reached.size()) {
                reached.add(new long[] {System.nanoTime(), done});
            }
        }

        /** The step's rate (units per second) in each quarter of its work: how much of it is warm-up. */
        String quarters(String step) {
            List<long[]> reached = progress.getOrDefault(step, List.of());
            List<String> rates = new ArrayList<>();
            for (int i = 1; i < reached.size(); i++) {
                double seconds = (reached.get(i)[0] - reached.get(i - 1)[0]) / 1e9;
                rates.add(String.format("%,.0f/s", (reached.get(i)[1] - reached.get(i - 1)[1]) / seconds));
            }
            return String.join(", ", rates);
        }

        /** The first number after {@code prefix} in the line that began with it. */
        long number(String prefix) {
            String rest = lines.get(prefix).substring(prefix.length()).trim();
            return Long.parseLong(rest.substring(0, rest.indexOf(' ')));
        }
    }

    /** The highest heap occupancy seen, sampled every 50 ms, and after each collection. */
    static final class HeapWatch {

        private final AtomicLong peak = new AtomicLong();

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            var memory = ManagementFactory.getMemoryMXBean();
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("heap-watch").factory()).scheduleAtFixedRate(
                () -> watch.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
            return watch;
        }

        String peak() {
            long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
            return String.format("%,d MB (live after the last collection %,d MB)", peak.get() / (1024 * 1024), afterGc / (1024 * 1024));
        }
    }
}
