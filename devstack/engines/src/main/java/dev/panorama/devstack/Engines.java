package dev.panorama.devstack;

import dev.panorama.devstack.elasticsearch.ContainerElasticsearchEngine;
import dev.panorama.devstack.elasticsearch.ElasticsearchEngine;
import dev.panorama.devstack.elasticsearch.ForkedElasticsearchEngine;
import dev.panorama.devstack.kafka.ContainerKafkaEngine;
import dev.panorama.devstack.kafka.EmbeddedKafkaEngine;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.mongo.ContainerMongoEngine;
import dev.panorama.devstack.mongo.EmbeddedMongoEngine;
import dev.panorama.devstack.mongo.ForkedMongoEngine;
import dev.panorama.devstack.mongo.MongoEngine;
import dev.panorama.devstack.postgres.ContainerPostgresEngine;
import dev.panorama.devstack.postgres.EmbeddedPostgresEngine;
import dev.panorama.devstack.postgres.PostgresEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The four engines Panorama runs on, each started on first use and stopped together. Tests share one
 * set per JVM ({@link #shared()}); dev mode makes its own with fixed ports ({@link #embedded}).
 */
public final class Engines implements AutoCloseable {

    /**
     * {@code in-process} (the default) or {@code forked}: where the embedded MongoDB server runs. Forked, it is
     * a process of its own, as {@code mongod} is, for measurements that compare a client's round trips to it.
     */
    public static final String MONGO_PROCESS_PROPERTY = "panorama.engines.mongo-process";
    private static final String MONGO_FORKED_HEAP = "1g";

    private static Engines shared;

    private final EngineMode mode;
    private final Consumer<String> report;
    private final LazyEngine<KafkaEngine> kafka;
    private final LazyEngine<ElasticsearchEngine> elasticsearch;
    private final LazyEngine<PostgresEngine> postgres;
    private final LazyEngine<MongoEngine> mongo;

    private Engines(EngineMode mode, EngineSettings settings, Consumer<String> report) {
        this.mode = mode;
        this.report = report;
        boolean embedded = mode == EngineMode.EMBEDDED;
        this.kafka = new LazyEngine<>("Kafka", embedded
            ? () -> EmbeddedKafkaEngine.start(settings.kafkaPort(), settings.dataFor("kafka"), settings.startTimeout())
            : ContainerKafkaEngine::start);
        this.elasticsearch = new LazyEngine<>("Elasticsearch", embedded
            ? () -> ForkedElasticsearchEngine.start(settings.elasticsearchPort(), settings.dataFor("elasticsearch"),
                settings.logDirectory().resolve("elasticsearch-" + ProcessHandle.current().pid() + ".log"), settings.startTimeout())
            : ContainerElasticsearchEngine::start);
        this.postgres = new LazyEngine<>("PostgreSQL", embedded
            ? () -> EmbeddedPostgresEngine.start(settings.postgresPort(), settings.dataFor("postgres"), settings.startTimeout())
            : ContainerPostgresEngine::start);
        this.mongo = new LazyEngine<>("MongoDB", !embedded ? ContainerMongoEngine::start
            : forkMongo() ? () -> ForkedMongoEngine.start(settings.mongoPort(), MONGO_FORKED_HEAP,
                settings.logDirectory().resolve("mongo-" + ProcessHandle.current().pid() + ".log"), settings.startTimeout())
            : () -> EmbeddedMongoEngine.start(settings.mongoPort()));
    }

    private static boolean forkMongo() {
        String process = System.getProperty(MONGO_PROCESS_PROPERTY, "in-process").trim();
        return switch (process) {
            case "in-process" -> false;
            case "forked" -> true;
            default -> throw new EngineStartupException(MONGO_PROCESS_PROPERTY + "=" + process + " is not understood; use in-process or forked");
        };
    }

    /** The engines of this JVM, shared by every test class; stopped when the JVM exits. */
    public static synchronized Engines shared() {
        if (shared == null) {
            EngineMode mode = EngineMode.resolve();
            Engines engines = new Engines(mode, EngineSettings.forTests(), line -> System.out.println("[devstack] " + line));
            engines.report.accept("engines: " + mode.name().toLowerCase() + " (" + EngineMode.PROPERTY + "=embedded|containers|auto)");
            Runtime.getRuntime().addShutdownHook(new Thread(engines::close, "devstack-shutdown"));
            shared = engines;
        }
        return shared;
    }

    /** Embedded engines with the given settings, for dev mode. */
    public static Engines embedded(EngineSettings settings, Consumer<String> report) {
        return new Engines(EngineMode.EMBEDDED, settings, report);
    }

    public EngineMode mode() {
        return mode;
    }

    public KafkaEngine kafka() {
        return kafka.get();
    }

    public ElasticsearchEngine elasticsearch() {
        return elasticsearch.get();
    }

    public PostgresEngine postgres() {
        return postgres.get();
    }

    public MongoEngine mongo() {
        return mongo.get();
    }

    /** Starts all four at once; if one fails, the others are stopped and the first failure is thrown. */
    public void startAll() {
        List<CompletableFuture<?>> starts = new ArrayList<>();
        for (LazyEngine<?> engine : all()) {
            starts.add(CompletableFuture.runAsync(engine::get, runnable -> Thread.ofPlatform().name("start-" + engine.name).start(runnable)));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** One line per started engine. */
    public List<String> describeStarted() {
        return all().stream().filter(LazyEngine::started).map(engine -> engine.get().describe()).toList();
    }

    @Override
    public void close() {
        List<LazyEngine<?>> reversed = new ArrayList<>(all());
        java.util.Collections.reverse(reversed);
        reversed.forEach(LazyEngine::closeIfStarted);
    }

    private List<LazyEngine<?>> all() {
        return List.of(kafka, elasticsearch, postgres, mongo);
    }

    /** An engine started on first use, under its own lock so that engines start in parallel. */
    private final class LazyEngine<T extends Engine> {

        private final String name;
        private final Supplier<T> starter;
        private T engine;

        LazyEngine(String name, Supplier<T> starter) {
            this.name = name;
            this.starter = starter;
        }

        synchronized T get() {
            if (engine == null) {
                long begin = System.nanoTime();
                engine = starter.get();
                report.accept("started " + engine.describe() + String.format(" in %.1f s", (System.nanoTime() - begin) / 1e9));
            }
            return engine;
        }

        synchronized boolean started() {
            return engine != null;
        }

        synchronized void closeIfStarted() {
            if (engine != null) {
                try {
                    engine.close();
                } catch (RuntimeException e) {
                    report.accept("warning: " + name + " did not stop cleanly: " + e.getMessage());
                }
                engine = null;
            }
        }
    }
}
