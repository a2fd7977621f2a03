package dev.panorama.outbox.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * How the relay runs.
 *
 * @param batchSize events read, sent and marked together
 * @param pollInterval the safety net when no notification arrives (a lost connection, a writer that
 *     does not notify); also how often a standby relay tries to take over when nothing is written
 * @param retention how long published events stay in the outbox before they are purged
 * @param purgeInterval how often the leading relay purges
 * @param backlogInterval how often the backlog is measured for the metrics
 * @param minBackoff the first wait after a failure; it doubles with each failure in a row
 * @param maxBackoff the longest wait after failures
 * @param shutdownTimeout how long {@link OutboxRelay#close()} waits for the relay thread
 */
public record RelaySettings(
    int batchSize,
    Duration pollInterval,
    Duration retention,
    Duration purgeInterval,
    Duration backlogInterval,
    Duration minBackoff,
    Duration maxBackoff,
    Duration shutdownTimeout
) {

    public RelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more: " + batchSize);
        }
        requirePositive("pollInterval", pollInterval);
        requirePositive("retention", retention);
        requirePositive("purgeInterval", purgeInterval);
        requirePositive("backlogInterval", backlogInterval);
        requirePositive("minBackoff", minBackoff);
        requirePositive("shutdownTimeout", shutdownTimeout);
        if (Objects.requireNonNull(maxBackoff, "maxBackoff").compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than minBackoff " + minBackoff);
        }
    }

    public static RelaySettings defaults() {
        return new RelaySettings(500, Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofMinutes(10),
            Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public RelaySettings withBatchSize(int batchSize) {
        return new RelaySettings(batchSize, pollInterval, retention, purgeInterval, backlogInterval, minBackoff, maxBackoff, shutdownTimeout);
    }

    public RelaySettings withPollInterval(Duration pollInterval) {
        return new RelaySettings(batchSize, pollInterval, retention, purgeInterval, backlogInterval, minBackoff, maxBackoff, shutdownTimeout);
    }

    public RelaySettings withPurge(Duration retention, Duration purgeInterval) {
        return new RelaySettings(batchSize, pollInterval, retention, purgeInterval, backlogInterval, minBackoff, maxBackoff, shutdownTimeout);
    }

    public RelaySettings withBacklogInterval(Duration backlogInterval) {
        return new RelaySettings(batchSize, pollInterval, retention, purgeInterval, backlogInterval, minBackoff, maxBackoff, shutdownTimeout);
    }

    public RelaySettings withBackoff(Duration minBackoff, Duration maxBackoff) {
        return new RelaySettings(batchSize, pollInterval, retention, purgeInterval, backlogInterval, minBackoff, maxBackoff, shutdownTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
