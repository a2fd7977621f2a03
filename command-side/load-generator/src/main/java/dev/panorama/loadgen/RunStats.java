package dev.panorama.loadgen;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a run did: commands by kind and outcome, retries, response times, the first failures verbatim. */
final class RunStats {

    private static final int FAILURES_KEPT = 10;

    private final Map<Command, LongAdder> succeeded = new EnumMap<>(Command.class);
    private final Map<Command, LongAdder> failed = new EnumMap<>(Command.class);
    private final LongAdder retries = new LongAdder();
    private final AtomicLong journeys = new AtomicLong();
    private final Latencies latencies = new Latencies();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    RunStats() {
        for (Command command : Command.values()) {
            succeeded.put(command, new LongAdder());
            failed.put(command, new LongAdder());
        }
    }

    void succeeded(Command command, long nanos) {
        succeeded.get(command).increment();
        latencies.record(nanos);
    }

    void failed(Command command, String why) {
        failed.get(command).increment();
        if (failures.size() < FAILURES_KEPT) {
            failures.add(command + ": " + why);
        }
    }

    void retried() {
        retries.increment();
    }

    void journeyDone() {
        journeys.incrementAndGet();
    }

    long succeeded() {
        return succeeded.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long succeeded(Command command) {
        return succeeded.get(command).sum();
    }

    long failed() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long journeys() {
        return journeys.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    void printProgress(PrintStream out, Duration elapsed) {
        out.printf(Locale.ROOT, "[%5.1f s] %d commands (%.0f/s), %d failed, %d orders through their life cycle%n",
            elapsed.toMillis() / 1000.0, succeeded(), succeeded() / seconds(elapsed), failed(), journeys());
    }

    void printSummary(PrintStream out, Duration elapsed) {
        out.printf(Locale.ROOT, "%n%-24s %10s %8s%n", "command", "succeeded", "failed");
        for (Command command : Command.values()) {
            long ok = succeeded.get(command).sum();
            long bad = failed.get(command).sum();
            if (ok + bad > 0) {
                out.printf(Locale.ROOT, "%-24s %10d %8d%n", command.name().toLowerCase(Locale.ROOT).replace('_', '-'), ok, bad);
            }
        }
        out.printf(Locale.ROOT, "%n%d commands succeeded, %d failed, %d retried, in %.1f s: %.1f commands/s%n",
            succeeded(), failed(), retries.sum(), seconds(elapsed), succeeded() / seconds(elapsed));
        out.printf(Locale.ROOT, "response time p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99), latencies.percentileMillis(100));
        if (!failures.isEmpty()) {
            out.println("first failures:");
            failures().forEach(failure -> out.println("  " + failure));
        }
    }

    private static double seconds(Duration elapsed) {
        return Math.max(elapsed.toNanos(), 1) / 1e9;
    }
}
