package dev.panorama.viewbuilder.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.panorama.devstack.Engines;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.adapter.elasticsearch.ElasticsearchDocumentStore;
import dev.panorama.views.adapter.elasticsearch.ViewIndexes;
import dev.panorama.views.adapter.mongo.MongoDocumentStore;
import dev.panorama.views.adapter.mongo.MongoStateStore;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.fixtures.ResidentMemory;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.AvailableRestaurantsProjection;
import dev.panorama.views.projection.ConsumerSummaryProjection;
import dev.panorama.views.projection.OrderDetailsProjection;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.Projections;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.runtime.BatchOutcome;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.ViewMaintainer;
import dev.panorama.views.state.AggregateState;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events per second of the four views, three ways, in one run on one machine:
 * <ol>
 *   <li><b>runtime</b>: {@link ViewMaintainer} with the real MongoDB state store and the real
 *       Elasticsearch/MongoDB view stores, fed pre-read batches of 10 000 events (what one Kafka poll
 *       hands the listener; Kafka itself, the envelope parsing and the processed-event record are not
 *       in this figure);</li>
 *   <li><b>sink ceiling</b>: the same final documents (rendered in memory beforehand, not timed) bulk
 *       written directly, in bulk requests of the same size, with the same clients: no states, no reads, no conditions;</li>
 *   <li><b>naive</b>: a handler that, for every event and every view that event reaches, reads the
 *       document and writes it back: one read and one write per event per view.</li>
 * </ol>
 * The engines run in this JVM (MongoDB wire server, Kafka unused) and a forked Elasticsearch JVM; the
 * work runs in a JVM of its own with a capped heap, whose peak resident memory after the runtime phase
 * is the view builder's RSS figure.
 *
 * <p>Arguments: {@code [orders] [naive events]}, default 6 000 orders (about 27 000 events) and 1 000.
 */
public final class ThroughputBenchmark {

    /** What one poll hands the listener under a backlog: {@code max-poll-records} in the view builder's application.yml. */
    static final int BATCH = Integer.getInteger("batch", 10_000);
    static final String WORKER_HEAP = "-Xmx256m";

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 6_000;
        int naiveEvents = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Engines engines = Engines.shared();
        engines.mongo();
        engines.elasticsearch();
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), WORKER_HEAP, "-XX:+UseSerialGC",
            "-Dbatch=" + BATCH,
            "-cp", System.getProperty("java.class.path"), Worker.class.getName(),
            engines.mongo().connectionString(), engines.elasticsearch().httpUrl(), Integer.toString(orders), Integer.toString(naiveEvents));
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
            }
        }
        int status = worker.waitFor();
        engines.close();
        System.exit(status);
    }

    /** The JVM doing the work; its own heap cap and its own resident memory. */
    public static final class Worker {

        public static void main(String[] args) throws Exception {
            String mongoUri = args[0];
            String elasticsearchUrl = args[1];
            int orders = Integer.parseInt(args[2]);
            int naiveEvents = Integer.parseInt(args[3]);
            List<DomainEvent> events = FtgoStory.generate(7, Math.max(10, orders / 10), Math.max(5, orders / 100), orders);
            System.out.printf("stream: %,d events (%,d orders, %,d consumers, %,d restaurants), batches of %d; worker heap %s%n",
                events.size(), orders, Math.max(10, orders / 10), Math.max(5, orders / 100), BATCH, WORKER_HEAP);
            try (MongoClient mongo = MongoClients.create(mongoUri)) {
                ElasticsearchClient elasticsearch = ElasticsearchClient.of(config -> config.host(elasticsearchUrl));
                Worker worker = new Worker(mongo, elasticsearch);
                long warm = System.nanoTime();
                worker.runtime("warmup", events.subList(0, Math.min(events.size(), 2_000)));
                System.out.printf("warm-up: 2,000 events in %.1f s (not counted)%n", (System.nanoTime() - warm) / 1e9);

                double runtime = worker.runtime("runtime", events);
                String rss = residentMemory();
                double ceiling = worker.ceiling(events);
                int naiveFrom = Math.max(0, events.size() / 2 - naiveEvents / 2);
                double naive = worker.naive(events, naiveFrom, Math.min(events.size(), naiveFrom + naiveEvents));
                System.out.printf("%nresult: runtime %,.0f events/s | sink ceiling %,.0f events/s | naive %,.0f events/s%n", runtime, ceiling, naive);
                System.out.printf("result: runtime / ceiling = %.2f (goal >= 0.7) | runtime / naive = %.1f (goal >= 10)%n",
                    runtime / ceiling, runtime / naive);
                System.out.printf("result: worker resident memory after the runtime phase: %s (goal <= 512 MB)%n", rss);
                elasticsearch._transport().close();
            }
        }

        private final MongoClient mongo;
        private final ElasticsearchClient elasticsearch;

        Worker(MongoClient mongo, ElasticsearchClient elasticsearch) {
            this.mongo = mongo;
            this.elasticsearch = elasticsearch;
        }

        double runtime(String name, List<DomainEvent> events) {
            Sinks sinks = sinks(name);
            TimedStores timed = new TimedStores();
            Map<String, DocumentStore> stores = new LinkedHashMap<>();
            sinks.stores().forEach((view, store) -> stores.put(view, timed.documents(view, store)));
            ViewMaintainer maintainer = new ViewMaintainer(Projections.all(), timed.states(new MongoStateStore(sinks.database(), "states")), stores, 5);
            Map<String, Integer> written = new java.util.TreeMap<>();
            int conflicts = 0;
            long begin = System.nanoTime();
            for (int from = 0; from < events.size(); from += BATCH) {
                BatchOutcome outcome = maintainer.apply(events.subList(from, Math.min(events.size(), from + BATCH)));
                outcome.documentsWritten().forEach((view, count) -> written.merge(view, count, Integer::sum));
                conflicts += outcome.conflictsRetried();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (!name.equals("warmup")) {
                System.out.printf("runtime: %,d events in %.1f s = %,.0f events/s; documents written %s, conflicts %d; where the time went:%n%s%n",
                    events.size(), seconds, events.size() / seconds, written, conflicts, timed.report(seconds));
            }
            return events.size() / seconds;
        }

        double ceiling(List<DomainEvent> events) throws IOException {
            Sinks sinks = sinks("ceiling");
            Map<ViewProjection<?>, List<ViewDocument>> documents = finalDocuments(events);
            int count = documents.values().stream().mapToInt(List::size).sum();
            long begin = System.nanoTime();
            for (Map.Entry<ViewProjection<?>, List<ViewDocument>> entry : documents.entrySet()) {
                String view = entry.getKey().view();
                List<ViewDocument> all = entry.getValue();
                for (int from = 0; from < all.size(); from += BATCH) {
                    List<ViewDocument> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
                    if (sinks.indexes().containsKey(view)) {
                        String index = sinks.indexes().get(view);
                        List<BulkOperation> operations = chunk.stream().map(document -> BulkOperation.of(op -> op.index(put -> put.index(index)
                            .id(document.id()).document(BinaryData.of(DocumentJson.toBytes(document), ContentType.APPLICATION_JSON))))).toList();
                        elasticsearch.bulk(bulk -> bulk.operations(operations));
                    } else {
                        sinks.database().getCollection(collection(view)).insertMany(chunk.stream()
                            .map(document -> Document.parse(DocumentJson.toJson(document)).append("_id", document.id())).toList());
                    }
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("sink ceiling: %,d final documents (for %,d events) in %.1f s = %,.0f events/s%n", count, events.size(), seconds,
                events.size() / seconds);
            return events.size() / seconds;
        }

        /**
         * For every event and every view it reaches (through the same fan-out the projections declare,
         * resolved beforehand and not timed), read the document and write it back. Measured on a slice
         * from the middle of the stream, so that it sees the same mix of events as the others.
         */
        double naive(List<DomainEvent> stream, int from, int to) throws IOException {
            Sinks sinks = sinks("naive");
            InMemoryStates states = Oracle.states(stream);
            Map<String, AggregateState> byKey = new HashMap<>();
            states.all().forEach(state -> byKey.put(state.source().toString(), state));
            List<DomainEvent> events = stream.subList(from, to);
            // Which document each event reaches in each view, and a document of the right size to write (the final one).
            List<Map.Entry<String, ViewDocument>> work = new ArrayList<>();
            for (DomainEvent event : events) {
                AggregateState state = byKey.get(event.metadata().source().toString());
                for (ViewProjection<?> projection : Projections.all()) {
                    if (state != null && projection.sourceTypes().contains(event.metadata().aggregateType())) {
                        projection.affectedDocuments(state, states).stream().findFirst()
                            .flatMap(id -> projection.render(id, states))
                            .ifPresent(document -> work.add(Map.entry(projection.view(), document)));
                    }
                }
            }
            long begin = System.nanoTime();
            for (Map.Entry<String, ViewDocument> step : work) {
                ViewDocument document = step.getValue();
                if (sinks.indexes().containsKey(step.getKey())) {
                    String index = sinks.indexes().get(step.getKey());
                    elasticsearch.get(get -> get.index(index).id(document.id()), Map.class);
                    elasticsearch.index(put -> put.index(index).id(document.id()).document(BinaryData.of(DocumentJson.toBytes(document), ContentType.APPLICATION_JSON)));
                } else {
                    MongoCollection<Document> collection = sinks.database().getCollection(collection(step.getKey()));
                    collection.find(Filters.eq("_id", document.id())).first();
                    collection.replaceOne(Filters.eq("_id", document.id()), Document.parse(DocumentJson.toJson(document)).append("_id", document.id()),
                        new ReplaceOptions().upsert(true));
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("naive: %,d events (%,d reads + %,d writes) in %.1f s = %,.0f events/s%n", events.size(), work.size(), work.size(),
                seconds, events.size() / seconds);
            return events.size() / seconds;
        }

        private Map<ViewProjection<?>, List<ViewDocument>> finalDocuments(List<DomainEvent> events) {
            InMemoryStates states = Oracle.states(events);
            Map<ViewProjection<?>, List<ViewDocument>> documents = new LinkedHashMap<>();
            for (ViewProjection<?> projection : Projections.all()) {
                Set<String> ids = new java.util.TreeSet<>();
                for (AggregateState state : states.all()) {
                    if (projection.sourceTypes().contains(state.aggregateType())) {
                        ids.addAll(projection.affectedDocuments(state, states));
                    }
                }
                List<ViewDocument> rendered = new ArrayList<>();
                ids.forEach(id -> projection.render(id, states).ifPresent(rendered::add));
                documents.put(projection, rendered);
            }
            return documents;
        }

        private Sinks sinks(String name) {
            String prefix = "bench" + ProcessHandle.current().pid() + name;
            MongoDatabase database = mongo.getDatabase(prefix);
            Map<String, String> indexes = new LinkedHashMap<>();
            for (String view : Set.of(OrderHistoryProjection.VIEW, AvailableRestaurantsProjection.VIEW)) {
                String index = prefix + "-" + view;
                ViewIndexes.ensure(elasticsearch, index, view, 1, 0);
                indexes.put(view, index);
            }
            Map<String, DocumentStore> stores = Map.of(
                OrderHistoryProjection.VIEW, new ElasticsearchDocumentStore(elasticsearch, indexes.get(OrderHistoryProjection.VIEW)),
                AvailableRestaurantsProjection.VIEW, new ElasticsearchDocumentStore(elasticsearch, indexes.get(AvailableRestaurantsProjection.VIEW)),
                OrderDetailsProjection.VIEW, new MongoDocumentStore(database, collection(OrderDetailsProjection.VIEW)),
                ConsumerSummaryProjection.VIEW, new MongoDocumentStore(database, collection(ConsumerSummaryProjection.VIEW)));
            return new Sinks(database, indexes, stores);
        }

        private static String collection(String view) {
            return view.replace('-', '_');
        }

        private static String residentMemory() throws IOException {
            ResidentMemory memory = ResidentMemory.ofThisProcess();
            return String.format("%d MB now, %d MB peak", memory.nowMegabytes(), memory.peakMegabytes());
        }

        private record Sinks(MongoDatabase database, Map<String, String> indexes, Map<String, DocumentStore> stores) {
        }
    }
}
