package dev.panorama.loadgen;

import dev.panorama.loadgen.FreshnessProbe.Endpoints;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshness end to end, against a running dev stack (started by {@code bench/freshness.sh}): for each
 * Elasticsearch refresh interval and each offered rate, the load generator drives the command services
 * at that rate while {@link FreshnessProbe} measures commit → visible through the query API per view and
 * {@link LagSampler} records what {@code /lag} says and {@link ProcessCpu} where the cores went; then the
 * views must drain. Prints Markdown tables and writes them, with an SVG plot of latency over time, to the
 * output directory.
 */
public final class FreshnessBenchmark {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) commands succeeded, (\\d+) failed, \\d+ retried, in ([\\d.]+) s");
    private static final Duration SET_UP_LIMIT = Duration.ofMinutes(2);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
    private static final int MORE_WARM_UPS = 6;

    private final Map<String, String> options;
    private final Endpoints endpoints;
    private final URI elasticsearch;
    private final String operatorKey;
    private final Path jar;
    private final Path out;
    private final Population population;
    private final HttpClient http = HttpClient.newHttpClient();

    private FreshnessBenchmark(Map<String, String> options) {
        this.options = options;
        URI queryApi = URI.create(option("query-api", "http://127.0.0.1:8080"));
        this.endpoints = new Endpoints(queryApi, option("reader-key", "dev-reader-key"), URI.create(option("consumer-service", "http://127.0.0.1:8081")),
            URI.create(option("restaurant-service", "http://127.0.0.1:8083")), URI.create(option("order-service", "http://127.0.0.1:8085")));
        this.elasticsearch = URI.create(option("elasticsearch", "http://127.0.0.1:19200"));
        this.operatorKey = option("operator-key", "dev-operator-key");
        this.jar = Path.of(required("load-generator"));
        this.out = Path.of(option("out", "target/freshness"));
        this.population = new Population(Integer.parseInt(option("consumers", "2000")), Integer.parseInt(option("restaurants", "100")));
    }

    /**
     * How many consumers and restaurants each run's load generator creates. A view document that joins or sums
     * over one of them (an order's restaurant name, a consumer's summary) is rewritten or re-read in full on each
     * change, so too few of them for the rate make every command dearer the longer a run lasts: 30 consumers at
     * 40 orders/s each have some 80 orders after a minute and 320 after four.
     */
    private record Population(int consumers, int restaurants) {

        Population {
            if (consumers < 1 || restaurants < 1) {
                throw new IllegalArgumentException("--consumers and --restaurants must be at least 1");
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        new FreshnessBenchmark(options).run();
    }

    private void run() throws IOException {
        Duration seconds = Duration.ofSeconds(Long.parseLong(option("seconds", "60")));
        // Four probed writes a second: some 240 samples per view and minute, so that the p99 is not simply the largest.
        Duration interval = duration(option("interval", "250ms"));
        List<Double> rates = Arrays.stream(option("rates", "20,40,60").split(",")).map(Double::parseDouble).toList();
        List<Duration> refreshIntervals = Arrays.stream(option("refresh", "1s,250ms").split(",")).map(FreshnessBenchmark::duration).toList();
        // Elasticsearch and the services reach their steady speed only minutes after start on two cores (the first
        // minutes after "ready", its bulk writes took several times longer): measured runs start after that.
        Duration warmUp = Duration.ofSeconds(Long.parseLong(option("warm-up", "240")));
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "freshness: %s per run, rates %s commands/s, refresh intervals %s, probe every %d ms, "
                + "%d consumers and %d restaurants per run, %s%n", seconds, rates, refreshIntervals.stream().map(FreshnessReport::humane).toList(),
            interval.toMillis(), population.consumers(), population.restaurants(), Instant.now());
        if (!warmUp.isZero()) {
            System.out.println("warming up for " + warmUp.toSeconds() + " s (not reported)");
            warmUp(refreshIntervals.getFirst(), rates.getFirst(), warmUp, interval);
        }
        List<FreshnessRun> runs = new ArrayList<>();
        for (Duration refresh : refreshIntervals) {
            for (double rate : rates) {
                FreshnessRun run = measure(refresh, rate, seconds, interval, "run");
                runs.add(run);
                summarise("", run);
            }
        }
        String table = FreshnessReport.markdown(runs) + "\nCPU while the probe wrote, per kind of process (% of one core; the machine has "
            + Runtime.getRuntime().availableProcessors() + "):\n\n" + FreshnessReport.cpuMarkdown(runs);
        System.out.println();
        System.out.print(table);
        Files.writeString(out.resolve("freshness.md"), table);
        Files.writeString(out.resolve("freshness.svg"), FreshnessPlot.svg(runs));
        System.out.println("written: " + out.resolve("freshness.md") + ", " + out.resolve("freshness.svg"));
    }

    /**
     * A cold stack driven at a high rate falls behind during its first minutes and stays slow for a while
     * after it has caught up: the run after such a warm-up measured p99s three times those of the same run
     * repeated. The command services' JIT compiler, starved on saturated cores, takes up to nine minutes at
     * the highest steady rate to compile their hot paths, and until then they need two to three times the CPU
     * per command. So the warm-up is repeated, a minute at a time, until one keeps the lag steady without the
     * probe ever holding back (at most six more).
     */
    private void warmUp(Duration refresh, double rate, Duration first, Duration interval) throws IOException {
        FreshnessRun run = measure(refresh, rate, first, interval, "warm-up");
        summarise("warm-up: ", run);
        for (int again = 1; again <= MORE_WARM_UPS && !(run.lagSteady() && run.skippedTicks() == 0); again++) {
            run = measure(refresh, rate, Duration.ofSeconds(60), interval, "warm-up-" + again);
            summarise("warm-up again: ", run);
        }
    }

    private static void summarise(String prefix, FreshnessRun run) {
        System.out.printf(Locale.ROOT, "%srefresh %s, %.0f commands/s offered: %.1f achieved, lag %s, drained in %.1f s, "
                + "%d failed commands, %d probe ticks held back%n", prefix, FreshnessReport.humane(run.refreshInterval()), run.offeredRate(), run.achievedRate(), run.lagSteady() ? "steady" : "GROWING",
            run.drainSeconds(), run.failedCommands(), run.skippedTicks());
    }

    private FreshnessRun measure(Duration refresh, double rate, Duration duration, Duration interval, String label) throws IOException {
        setRefreshInterval(refresh);
        String name = String.format(Locale.ROOT, "%s-refresh-%dms-rate-%.0f", label, refresh.toMillis(), rate);
        Path log = out.resolve(name + ".log");
        // The load runs a little longer than the probe, so that the probe's last writes meet the same load.
        Process load = new ProcessBuilder(javaCommand(), "-Xmx128m", "-jar", jar.toString(), "--duration", (duration.toSeconds() + 15) + "s",
            "--rate", Double.toString(rate), "--seed", Long.toString(seed(name)), "--restaurants", Integer.toString(population.restaurants()),
            "--consumers", Integer.toString(population.consumers()),
            "--concurrency", "32", "--progress", "10s").redirectErrorStream(true).start();
        CountDownLatch setUp = new CountDownLatch(1);
        AtomicReference<String> summary = new AtomicReference<>();
        Thread reader = Thread.ofVirtual().start(() -> copyOutput(load, log, setUp, summary));
        try {
            if (!setUp.await(SET_UP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                load.destroyForcibly();
                throw new IllegalStateException("the load generator did not finish its set-up within " + SET_UP_LIMIT.toSeconds() + " s; see " + log);
            }
            try (FreshnessProbe probe = new FreshnessProbe(endpoints, seed(name))) {
                probe.prepare();
                long origin = System.nanoTime();
                List<LagSampler.Reading> readings;
                ProcessCpu.Snapshot cpuBefore = ProcessCpu.take();
                ProcessCpu.Snapshot cpuAfter;
                try (LagSampler sampler = new LagSampler(endpoints.queryApi(), operatorKey, origin).start()) {
                    probe.run(duration, interval, origin);
                    cpuAfter = ProcessCpu.take();
                    readings = sampler.readings();
                }
                double seconds = (System.nanoTime() - origin) / 1e9;
                if (!load.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                    load.destroyForcibly();
                    throw new IllegalStateException("the load generator did not stop; see " + log);
                }
                reader.join();
                double drain = drainSeconds(origin);
                probe.failures().stream().limit(5).forEach(failure -> System.out.println("  probe: " + failure));
                Matcher figures = summary.get() == null ? null : SUMMARY.matcher(summary.get());
                if (figures == null || !figures.find()) {
                    throw new IllegalStateException("the load generator printed no summary; see " + log);
                }
                double loadRate = Long.parseLong(figures.group(1)) / Double.parseDouble(figures.group(3));
                return new FreshnessRun(refresh, rate, loadRate + probe.commands() / seconds, seconds, probe.samples(), readings, drain,
                    Long.parseLong(figures.group(2)) + probe.failedCommands(), probe.skippedTicks(), ProcessCpu.shares(cpuBefore, cpuAfter));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            load.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Seconds until every view's message lag is zero, counted from now (the load has stopped). */
    private double drainSeconds(long origin) {
        long start = System.nanoTime();
        try (LagSampler lag = new LagSampler(endpoints.queryApi(), operatorKey, origin)) {
            while (System.nanoTime() - start < DRAIN_LIMIT.toNanos()) {
                Map<String, Long> now = lag.messageLagNow();
                if (!now.isEmpty() && now.values().stream().allMatch(messages -> messages == 0)) {
                    return (System.nanoTime() - start) / 1e9;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private void setRefreshInterval(Duration refresh) {
        HttpRequest request = HttpRequest.newBuilder(elasticsearch.resolve("/order-history,available-restaurants/_settings"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"index\":{\"refresh_interval\":\"" + refresh.toMillis() + "ms\"}}")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("setting the refresh interval failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch at " + elasticsearch + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Copies the load generator's output to its log, noting the end of its set-up and its summary line. */
    private static void copyOutput(Process load, Path log, CountDownLatch setUp, AtomicReference<String> summary) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                copy.println(line);
                if (line.startsWith("created ")) {
                    setUp.countDown();
                }
                if (SUMMARY.matcher(line).find()) {
                    summary.set(line);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same run sends the same commands each time the benchmark runs (ids and keys still differ per run). */
    private static long seed(String run) {
        return run.hashCode() & 0xffff_ffffL;
    }

    /** 250ms, 1s, 2m or PT1S. */
    static Duration duration(String text) {
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
            : new LoadGeneratorMain.DurationConverter().convert(text);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
