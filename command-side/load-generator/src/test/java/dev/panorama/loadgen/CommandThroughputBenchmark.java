package dev.panorama.loadgen;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.postgres.PostgresEngine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Sustained commands per second on these cores: the command services from their jars, each in its own
 * JVM, over the devstack's PostgreSQL and Kafka, driven unpaced by the load generator — first the consumer
 * service alone (one service's capacity), then the whole FTGO workload across the four. A warm-up run
 * precedes each measured one. Run by {@code bench/commands-per-second.sh}.
 */
public final class CommandThroughputBenchmark {

    private CommandThroughputBenchmark() {
    }

    public static void main(String[] args) {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 30);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        PostgresEngine postgres = Engines.shared().postgres();
        KafkaEngine kafka = Engines.shared().kafka();
        String database = TestNamespace.forClass(CommandThroughputBenchmark.class).database("ftgo");
        postgres.createDatabase(database);
        Map<String, String> environment = Map.of(
            "POSTGRES_HOST", postgres.host(), "POSTGRES_PORT", Integer.toString(postgres.port()), "POSTGRES_DB", database,
            "POSTGRES_USER", postgres.username(), "POSTGRES_PASSWORD", postgres.password(),
            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        List<String> services = List.of("consumer-service", "restaurant-service", "order-service", "delivery-service");
        Path logs = Path.of("target", "bench-logs");
        List<ServiceJvm> running = services.stream().map(service -> ServiceJvm.start(service, environment, logs, ServiceJvm.MEASURED)).toList()
            .stream().map(CompletableFuture::join).toList();
        Map<String, URI> addresses = running.stream().collect(Collectors.toMap(ServiceJvm::name, ServiceJvm::uri));
        System.out.printf(Locale.ROOT, "%d cores, %s %s, JDK %s; each service in its own JVM (-Xmx256m, serial GC)%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        try {
            measure("consumer service alone (register, rename twice, move)", LoadOptions.Workload.CONSUMERS, addresses, measured, concurrency);
            measure("FTGO workload across the four services", LoadOptions.Workload.FTGO, addresses, measured, concurrency);
        } finally {
            running.forEach(ServiceJvm::close);
        }
        System.exit(0);
    }

    private static void measure(String what, LoadOptions.Workload workload, Map<String, URI> addresses, Duration measured, int concurrency) {
        run(workload, addresses, measured.dividedBy(3), concurrency, 1, new PrintStream(OutputStream.nullOutputStream()));
        System.out.printf(Locale.ROOT, "%n%s, unpaced, %d journeys in flight, %d s:%n", what, concurrency, measured.toSeconds());
        run(workload, addresses, measured, concurrency, 2, System.out);
    }

    private static void run(LoadOptions.Workload workload, Map<String, URI> addresses, Duration duration, int concurrency, long runId, PrintStream out) {
        LoadOptions options = new LoadOptions(addresses, workload, runId, 0, duration, 0, 40, 10, concurrency, Duration.ofSeconds(30),
            System.nanoTime() + runId);
        RunStats stats = new RunStats();
        long start = System.nanoTime();
        new LoadRun(options, new CommandApi(options.services(), Pacer.perSecond(0), stats, options.timeout()), stats,
            new PrintStream(OutputStream.nullOutputStream())).run();
        stats.printSummary(out, Duration.ofNanos(System.nanoTime() - start));
    }
}
