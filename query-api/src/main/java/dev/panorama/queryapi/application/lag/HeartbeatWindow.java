package dev.panorama.queryapi.application.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * The heartbeat round trips of one topic seen within a time window (at most N, in a ring buffer);
 * percentiles by nearest rank. Bounded by time, so that the figures describe the views as they are now,
 * not the start-up or an outage an hour ago.
 */
final class HeartbeatWindow {

    private final long[] samples;
    private final long[] seenAtMillis;
    private final Duration window;
    private int next;
    private int count;

    HeartbeatWindow(int capacity, Duration window) {
        this.samples = new long[capacity];
        this.seenAtMillis = new long[capacity];
        this.window = window;
    }

    /** @param seenAt when the view builder applied the heartbeat */
    synchronized void add(long roundTripMillis, Instant seenAt) {
        samples[next] = roundTripMillis;
        seenAtMillis[next] = seenAt.toEpochMilli();
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
    }

    /** The round trips seen within the window before {@code now}. */
    synchronized long[] snapshot(Instant now) {
        long since = now.minus(window).toEpochMilli();
        long[] recent = new long[count];
        int found = 0;
        for (int i = 0; i < count; i++) {
            if (seenAtMillis[i] >= since) {
                recent[found++] = samples[i];
            }
        }
        return Arrays.copyOf(recent, found);
    }

    static LagReport.HeartbeatStats stats(Collection<HeartbeatWindow> windows, Long lastSeen, Instant now) {
        long[] all = windows.stream().map(window -> window.snapshot(now)).flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new LagReport.HeartbeatStats(lastSeen, null, null, 0);
        }
        return new LagReport.HeartbeatStats(lastSeen, percentile(all, 50), percentile(all, 99), all.length);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
