package dev.panorama.loadgen;

import dev.panorama.loadgen.FreshnessProbe.ProbedView;
import dev.panorama.loadgen.LagSampler.Reading;

import java.util.List;
import java.util.Locale;

/** The freshness runs as Markdown tables: commit → visible per view against its goal, and {@code /lag}'s own figures beside them. */
final class FreshnessReport {

    private FreshnessReport() {
    }

    static String markdown(List<FreshnessRun> runs) {
        StringBuilder out = new StringBuilder();
        out.append("| refresh | offered cmd/s | achieved cmd/s | lag steady | drained after | view | samples | p50 ms | p95 ms | p99 ms | max ms | goal p99 ms | met "
            + "| /lag time lag p50 / p99 / max ms | /lag messages max | heartbeat p50 / p99 ms |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FreshnessRun run : runs) {
            for (ProbedView view : ProbedView.values()) {
                double[] visible = run.visibleMillis(view);
                List<Reading> lag = run.readings(view);
                double[] timeLag = lag.stream().mapToDouble(Reading::timeLagMillis).sorted().toArray();
                long messages = lag.stream().mapToLong(Reading::messageLag).max().orElse(0);
                Reading last = lag.isEmpty() ? null : lag.getLast();
                long missing = run.notVisible(view);
                out.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %s | %.1f s | %s | %d%s | %s | %s | %s | %s | %d | %s | %s / %s / %s | %d | %s |%n",
                    humane(run.refreshInterval()), run.offeredRate(), run.achievedRate(), run.lagSteady() ? "yes" : "**no**", run.drainSeconds(),
                    view.id() + (view.elasticsearch() ? " (ES)" : " (Mongo)"), visible.length, missing == 0 ? "" : " (+" + missing + " not visible)",
                    millis(FreshnessRun.percentile(visible, 50)), millis(FreshnessRun.percentile(visible, 95)),
                    millis(FreshnessRun.percentile(visible, 99)), millis(FreshnessRun.percentile(visible, 100)),
                    (long) run.goalMillis(view), run.goalMet(view) ? "yes" : "**no**",
                    millis(FreshnessRun.percentile(timeLag, 50)), millis(FreshnessRun.percentile(timeLag, 99)), millis(FreshnessRun.percentile(timeLag, 100)),
                    messages, last == null ? "–" : last.heartbeatP50Millis() + " / " + last.heartbeatP99Millis()));
            }
        }
        return out.toString();
    }

    /** One row per run: each kind of process's share of one core while the probe wrote, and their total. */
    static String cpuMarkdown(List<FreshnessRun> runs) {
        StringBuilder out = new StringBuilder("| refresh | offered cmd/s |");
        for (ProcessCpu.Group group : ProcessCpu.Group.values()) {
            out.append(' ').append(group.label).append(" |");
        }
        out.append(" total |\n|---|---|").append("---|".repeat(ProcessCpu.Group.values().length + 1)).append('\n');
        for (FreshnessRun run : runs) {
            out.append(String.format(Locale.ROOT, "| %s | %.0f |", humane(run.refreshInterval()), run.offeredRate()));
            for (ProcessCpu.Group group : ProcessCpu.Group.values()) {
                out.append(String.format(Locale.ROOT, " %.0f %% |", run.cpu().getOrDefault(group, 0.0)));
            }
            out.append(String.format(Locale.ROOT, " %.0f %% |%n", run.cpu().values().stream().mapToDouble(Double::doubleValue).sum()));
        }
        return out.toString();
    }

    static String humane(java.time.Duration interval) {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms";
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }
}
