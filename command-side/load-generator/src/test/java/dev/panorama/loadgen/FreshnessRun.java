package dev.panorama.loadgen;

import dev.panorama.loadgen.FreshnessProbe.ProbedView;
import dev.panorama.loadgen.FreshnessProbe.Sample;
import dev.panorama.loadgen.LagSampler.Reading;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one freshness run measured: the probe's samples and the {@code /lag} readings over the same time
 * axis, at one offered rate and one Elasticsearch refresh interval.
 *
 * @param offeredRate the load generator's commands per second (the probe's own writes come on top)
 * @param achievedRate commands per second the services answered, the probe's included
 * @param seconds how long the probe wrote
 * @param drainSeconds how long the views took to reach zero message lag once the load stopped
 * @param skippedTicks probe writes left out because too many earlier ones were not yet visible
 * @param cpu while the probe wrote, each kind of process's share of one core, in percent
 */
record FreshnessRun(Duration refreshInterval, double offeredRate, double achievedRate, double seconds,
                    List<Sample> samples, List<Reading> readings, double drainSeconds, long failedCommands, int skippedTicks,
                    Map<ProcessCpu.Group, Double> cpu) {

    /** Slack over the refresh interval (Elasticsearch) or alone (MongoDB): the goal for the p99 of commit → visible. */
    static final Duration GOAL_SLACK = Duration.ofMillis(250);

    FreshnessRun {
        samples = List.copyOf(samples);
        readings = List.copyOf(readings);
        cpu = Map.copyOf(cpu);
    }

    /** The p99 goal for a view: refresh interval + 250 ms on Elasticsearch, 250 ms on MongoDB. */
    double goalMillis(ProbedView view) {
        return GOAL_SLACK.toMillis() + (view.elasticsearch() ? refreshInterval.toMillis() : 0);
    }

    List<Sample> samples(ProbedView view) {
        return samples.stream().filter(sample -> sample.view() == view).toList();
    }

    List<Reading> readings(ProbedView view) {
        return readings.stream().filter(reading -> reading.view().equals(view.id())).toList();
    }

    /** Commit → visible of the visible samples, in milliseconds, sorted. */
    double[] visibleMillis(ProbedView view) {
        return samples(view).stream().filter(Sample::visible).mapToDouble(Sample::visibleAfterMillis).sorted().toArray();
    }

    long notVisible(ProbedView view) {
        return samples(view).stream().filter(sample -> !sample.visible()).count();
    }

    boolean goalMet(ProbedView view) {
        double[] visible = visibleMillis(view);
        return visible.length > 0 && notVisible(view) == 0 && percentile(visible, 99) <= goalMillis(view);
    }

    /**
     * Whether the views kept up: the message lag of the run's last third is not above that of its first
     * third (medians, with 50 messages of grace for noise), the probe never had to hold back, and the
     * views drained within 10 s of the load stopping.
     */
    boolean lagSteady() {
        if (skippedTicks > 0) {
            return false;
        }
        double third = seconds / 3;
        for (ProbedView view : ProbedView.values()) {
            List<Reading> lag = readings(view);
            double first = median(lag.stream().filter(reading -> reading.atSeconds() <= third).mapToDouble(Reading::messageLag).toArray());
            double last = median(lag.stream().filter(reading -> reading.atSeconds() >= 2 * third).mapToDouble(Reading::messageLag).toArray());
            if (last > first + 50) {
                return false;
            }
        }
        return drainSeconds <= 10;
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 50);
    }
}
