package dev.panorama.loadgen;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The command line: {@code java -jar panorama-load-generator.jar --help}. */
@Command(name = "panorama-load-generator", mixinStandardHelpOptions = true, version = "panorama-load-generator 0.1.0",
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Drives realistic FTGO traffic through the command services' HTTP APIs: restaurants and consumers first, then orders"
            + " through their life cycle (create, revise, approve / reject / cancel, delivery steps), with consumer renames,"
            + " restaurant renames and menu revisions that fan out to many view documents.",
        "The same --seed sends the same commands. Creates carry an Idempotency-Key, so retries are safe.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every command succeeded", "1:some commands failed (the first failures are printed)", "2:invalid options"})
final class LoadGeneratorMain implements Callable<Integer> {

    @Option(names = "--workload", defaultValue = "ftgo", converter = WorkloadConverter.class,
        description = "ftgo (all four services) or consumers (the consumer service alone, to measure one service). Default: ${DEFAULT-VALUE}.")
    private LoadOptions.Workload workload;

    @Option(names = "--orders", defaultValue = "100", paramLabel = "N",
        description = "Orders to send through their life cycle (consumers, with --workload consumers). Default: ${DEFAULT-VALUE}.")
    private long orders;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "TIME",
        description = "Keep going for this long instead of a count: 30s, 5m, 1h or ISO-8601 (PT30S).")
    private Duration duration;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "PER_SECOND",
        description = "Commands per second across all services; 0 = as fast as they answer. Default: ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--consumers", defaultValue = "20", paramLabel = "N", description = "Consumers to register first. Default: ${DEFAULT-VALUE}.")
    private int consumers;

    @Option(names = "--restaurants", defaultValue = "10", paramLabel = "N", description = "Restaurants to create first. Default: ${DEFAULT-VALUE}.")
    private int restaurants;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N", description = "Journeys in flight at once. Default: ${DEFAULT-VALUE}.")
    private int concurrency;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "TIME",
        description = "Per request. Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--consumer-service", defaultValue = "${env:CONSUMER_SERVICE_URL:-http://127.0.0.1:8081}", paramLabel = "URL",
        description = "Default: ${DEFAULT-VALUE} (environment CONSUMER_SERVICE_URL).")
    private URI consumerService;

    @Option(names = "--restaurant-service", defaultValue = "${env:RESTAURANT_SERVICE_URL:-http://127.0.0.1:8083}", paramLabel = "URL",
        description = "Default: ${DEFAULT-VALUE} (environment RESTAURANT_SERVICE_URL).")
    private URI restaurantService;

    @Option(names = "--order-service", defaultValue = "${env:ORDER_SERVICE_URL:-http://127.0.0.1:8085}", paramLabel = "URL",
        description = "Default: ${DEFAULT-VALUE} (environment ORDER_SERVICE_URL).")
    private URI orderService;

    @Option(names = "--delivery-service", defaultValue = "${env:DELIVERY_SERVICE_URL:-http://127.0.0.1:8084}", paramLabel = "URL",
        description = "Default: ${DEFAULT-VALUE} (environment DELIVERY_SERVICE_URL).")
    private URI deliveryService;

    @Option(names = "--progress", defaultValue = "5s", converter = DurationConverter.class, paramLabel = "TIME",
        description = "How often to print progress. Default: ${DEFAULT-VALUE}.")
    private Duration progress;

    private final PrintStream out;

    private LoadGeneratorMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new LoadGeneratorMain(out))
            .setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true))
            .setParameterExceptionHandler((problem, given) -> {
                err.println("panorama-load-generator: " + problem.getMessage());
                err.println("Try --help.");
                return 2;
            })
            .setExecutionExceptionHandler((problem, parsed, result) -> {
                if (problem instanceof IllegalArgumentException) {
                    err.println("panorama-load-generator: " + problem.getMessage());
                    return 2;
                }
                throw problem;
            });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        LoadOptions options = new LoadOptions(
            Map.of("consumer-service", consumerService, "restaurant-service", restaurantService,
                "order-service", orderService, "delivery-service", deliveryService),
            workload, seed, orders, duration, rate, consumers, restaurants, concurrency, timeout, System.currentTimeMillis());
        RunStats stats = new RunStats();
        CommandApi api = new CommandApi(options.services(), Pacer.perSecond(rate), stats, timeout);
        out.printf(Locale.ROOT, "%s workload, seed %d, %s, %s%n", workload.name().toLowerCase(Locale.ROOT), seed,
            duration == null ? orders + (workload == LoadOptions.Workload.CONSUMERS ? " consumers" : " orders") : "for " + duration.toSeconds() + " s",
            rate == 0 ? "unpaced" : rate + " commands/s");
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
        ticker.scheduleAtFixedRate(() -> stats.printProgress(out, Duration.ofNanos(System.nanoTime() - start)),
            progress.toMillis(), progress.toMillis(), TimeUnit.MILLISECONDS);
        try {
            new LoadRun(options, api, stats, out).run();
        } catch (CommandApi.Refused refused) {
            out.println("the set-up failed: " + refused.getMessage());
        } finally {
            ticker.shutdownNow();
        }
        stats.printSummary(out, Duration.ofNanos(System.nanoTime() - start));
        return stats.failed() == 0 ? 0 : 1;
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("p")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use 30s, 5m, 1h or PT30S)");
                };
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use 30s, 5m, 1h or PT30S)");
            }
        }
    }

    static final class WorkloadConverter implements CommandLine.ITypeConverter<LoadOptions.Workload> {
        @Override
        public LoadOptions.Workload convert(String value) {
            try {
                return LoadOptions.Workload.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown workload '" + value + "' (ftgo or consumers)");
            }
        }
    }
}
