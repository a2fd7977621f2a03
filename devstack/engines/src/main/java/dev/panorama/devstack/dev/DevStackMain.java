package dev.panorama.devstack.dev;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.panorama.devstack.EngineSettings;
import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.Ports;
import dev.panorama.devstack.process.ServiceLaunch;
import dev.panorama.devstack.process.ServiceProcess;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Dev mode: starts real Kafka, Elasticsearch, PostgreSQL and MongoDB on fixed local ports, then the
 * platform's services given with {@code --service}, prints where everything listens and runs until
 * Ctrl-C (or SIGTERM), then stops the services, the engines, and removes their data. One instance per
 * work directory.
 */
public final class DevStackMain {

    public static final String READY_LINE = "Panorama dev stack is ready";

    static final String COMMAND_SERVICE_HEAP = "256m";

    /** Ready-to-paste queries once the query API runs (dev keys from its dev profile). */
    static final String QUERY_EXAMPLES = """
        Query the views (the demo data arrives over the next minute or two):
          curl -s -H 'X-Api-Key: dev-reader-key' 'localhost:8080/order-history?q=curry&status=APPROVED&size=5'
          curl -s -H 'X-Api-Key: dev-reader-key' 'localhost:8080/restaurants/available?lat=37.84&lon=-122.26&radiusKm=5&at=2026-12-02T19:30'
          curl -s -H 'X-Api-Key: dev-operator-key' localhost:8080/lag
        Read your own write: the command answers {orderId, version}; pass them as a consistency token:
          curl -s -X POST localhost:8085/orders -H 'Content-Type: application/json' -d '{...}'   # see README
          curl -s -H 'X-Api-Key: dev-reader-key' -H 'X-Consistency-Token: order:<orderId>:1' localhost:8080/orders/<orderId>
        Operations console (lag, versions, rebuilds, dead letters): http://localhost:8080/console/  (sign in with dev-admin-key)""";

    private DevStackMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        DevStackOptions options;
        try {
            options = DevStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("panorama dev: " + e.getMessage());
            err.println(DevStackOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(DevStackOptions.USAGE);
            return 0;
        }
        quietEngineLogs();
        long begin = System.nanoTime();
        WorkDirectory workDirectory;
        try {
            workDirectory = WorkDirectory.claim(options.workDirectory(), out::println);
        } catch (EngineStartupException e) {
            err.println("panorama dev: " + e.getMessage());
            return 1;
        }
        Engines engines = Engines.embedded(new EngineSettings(options.kafkaPort(), options.elasticsearchPort(),
            options.postgresPort(), options.mongoPort(), workDirectory.data(), workDirectory.logs(),
            EngineSettings.startTimeoutFromProperty()), line -> out.println("  " + line));
        List<ServiceProcess> services = new CopyOnWriteArrayList<>();
        List<BackgroundJob> jobs = new CopyOnWriteArrayList<>();
        StopOnce stop = new StopOnce(() -> {
            out.println("Stopping the dev stack...");
            jobs.forEach(BackgroundJob::close);
            services.reversed().forEach(ServiceProcess::close);
            engines.close();
            workDirectory.release();
            out.println("Stopped.");
        });
        Thread stopHook = new Thread(stop, "devstack-stop");
        try {
            requireFreePorts(options);
            Runtime.getRuntime().addShutdownHook(stopHook);
            out.println("Starting Kafka, Elasticsearch, PostgreSQL and MongoDB (work directory " + workDirectory.root() + ")");
            engines.startAll();
            startServices(options, engines, workDirectory, services, out);
        } catch (RuntimeException e) {
            err.println("panorama dev: " + e.getMessage());
            removeHook(stopHook);
            services.reversed().forEach(ServiceProcess::close);
            engines.close();
            workDirectory.release();
            return 1;
        }
        out.println();
        out.println(READY_LINE + String.format(" (%.1f s). Where things listen:", (System.nanoTime() - begin) / 1e9));
        out.println("  Kafka bootstrap servers  " + engines.kafka().bootstrapServers());
        out.println("  Elasticsearch            " + engines.elasticsearch().httpUrl());
        out.println("  PostgreSQL               " + engines.postgres().jdbcUrl("postgres") + " (user postgres)");
        out.println("  MongoDB                  " + engines.mongo().connectionString());
        services.forEach(service -> out.println("  " + String.format("%-25s", service.name()) + "pid " + service.pid()
            + ", log " + workDirectory.logs().resolve(service.name() + ".log")));
        if (services.stream().anyMatch(service -> service.name().equals("query-api"))) {
            out.println(QUERY_EXAMPLES);
        } else {
            out.println("Try: curl -s " + engines.elasticsearch().httpUrl() + "/_cluster/health");
        }
        if (options.archiver() != null) {
            Path archive = workDirectory.root().resolve("archive");
            try {
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(workDirectory.logs().resolve("archiver.log"), StandardCharsets.UTF_8), true);
                jobs.add(BackgroundJob.start("--archiver", options.archiver(), "128m", List.of("archive", "--archive-dir", archive.toString(),
                    "--bootstrap-servers", engines.kafka().bootstrapServers(), "--segment-max-age", "5s"), log::println));
                out.println("  archiver                 every event into " + archive + ", log " + workDirectory.logs().resolve("archiver.log"));
            } catch (IOException | EngineStartupException e) {
                err.println("panorama dev: the archiver did not start: " + e.getMessage());
            }
        }
        out.println("Logs: " + workDirectory.logs() + ". Press Ctrl-C to stop.");
        if (options.demoData() != null) {
            try {
                jobs.add(BackgroundJob.start("--demo-data", options.demoData(), "128m", BackgroundJob.DEMO_DATA_ARGUMENTS,
                    line -> out.println("  demo data: " + line)));
                out.println("Sending demo traffic through the command services: " + String.join(" ", BackgroundJob.DEMO_DATA_ARGUMENTS));
            } catch (EngineStartupException e) {
                err.println("panorama dev: " + e.getMessage());
            }
        }
        out.flush();
        awaitStopSignal();
        stop.run();
        removeHook(stopHook);
        return 0;
    }

    /**
     * Services start side by side (they depend only on the engines), each told where the engines listen
     * through its environment. If one fails, the others are stopped with the stack.
     */
    private static void startServices(DevStackOptions options, Engines engines, WorkDirectory workDirectory, List<ServiceProcess> services,
                                      PrintStream out) {
        Map<String, String> environment = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", engines.kafka().bootstrapServers(),
            "MONGODB_URI", engines.mongo().connectionString(),
            "ELASTICSEARCH_URIS", engines.elasticsearch().httpUrl(),
            "POSTGRES_HOST", engines.postgres().host(),
            "POSTGRES_PORT", Integer.toString(engines.postgres().port()),
            "POSTGRES_USER", engines.postgres().username(),
            "POSTGRES_PASSWORD", engines.postgres().password(),
            // The services' dev profile: the query API's well-known dev keys, never used outside dev mode.
            "SPRING_PROFILES_ACTIVE", "dev");
        long begin = System.nanoTime();
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<ServiceProcess>> starting = options.services().stream()
                .map(spec -> CompletableFuture.supplyAsync(() -> {
                    ServiceLaunch launch = ServiceLaunch.of(spec.name(), spec.jar())
                        .heap(System.getProperty("panorama.dev.service-heap", heapOf(spec.name()))).environment(environment)
                        .withClassDataSharing();
                    ServiceProcess service = ServiceProcess.start(launch, workDirectory.logs().resolve(spec.name() + ".log"),
                        EngineSettings.startTimeoutFromProperty());
                    services.add(service);
                    out.println("  started " + spec.name() + String.format(" in %.1f s", (System.nanoTime() - begin) / 1e9));
                    return service;
                }, starter))
                .toList();
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The view builder (batches of up to 10,000 events and the documents they touch) and the query API keep the
     * default heap; a command service handles one small aggregate per request, and its sustained-load
     * benchmark runs with 256 MiB, so dev mode gives it that much and saves the memory.
     */
    static String heapOf(String service) {
        return Set.of("view-builder", "query-api").contains(service) ? ServiceLaunch.DEFAULT_HEAP : COMMAND_SERVICE_HEAP;
    }

    /** All four ports are checked before anything starts, so a taken port costs no start-up time. */
    private static void requireFreePorts(DevStackOptions options) {
        Ports.requireFree("Kafka", options.kafkaPort(), "--kafka-port");
        Ports.requireFree("Elasticsearch", options.elasticsearchPort(), "--elasticsearch-port");
        Ports.requireFree("PostgreSQL", options.postgresPort(), "--postgres-port");
        Ports.requireFree("MongoDB", options.mongoPort(), "--mongo-port");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Already shutting down, or never registered: nothing to undo.
        }
    }

    /**
     * Waits for Ctrl-C or SIGTERM. Handling the signal ourselves lets the engines stop in order before
     * the JVM shuts down; shutdown hooks (ours is the fallback) run concurrently with the engines' own
     * hooks, which delete their temporary directories under a broker that is still writing.
     */
    private static void awaitStopSignal() {
        CountDownLatch signalled = new CountDownLatch(1);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> signalled.countDown());
            } catch (IllegalArgumentException ignoredByParent) {
                // e.g. SIGINT for a background job: the shutdown hook still covers that signal.
            }
        }
        try {
            signalled.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the stop sequence once, whoever asks first: the signal handler path or the shutdown hook. */
    private static final class StopOnce implements Runnable {

        private final Runnable stop;
        private final AtomicBoolean done = new AtomicBoolean();

        StopOnce(Runnable stop) {
            this.stop = stop;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                stop.run();
            }
        }
    }

    /** Dev mode prints its own summary; the engines' own INFO chatter would bury it. */
    private static void quietEngineLogs() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    /** Where a dev stack keeps its data and logs. */
    static Path defaultWorkDirectory() {
        return Path.of(".devstack");
    }
}
