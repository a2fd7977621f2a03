package dev.panorama.queryapi.application.lag;

import java.util.Arrays;
import java.util.Collection;

/** The last N heartbeat round trips of one topic, in a ring buffer; percentiles by nearest rank. */
final class HeartbeatWindow {

    private final long[] samples;
    private int next;
    private int count;
    private long last = -1;

    HeartbeatWindow(int capacity) {
        this.samples = new long[capacity];
    }

    synchronized void add(long roundTripMillis) {
        samples[next] = roundTripMillis;
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
        last = roundTripMillis;
    }

    synchronized long[] snapshot() {
        return Arrays.copyOf(samples, count);
    }

    synchronized long last() {
        return last;
    }

    static LagReport.HeartbeatStats stats(Collection<HeartbeatWindow> windows, Long lastSeen) {
        long[] all = windows.stream().map(HeartbeatWindow::snapshot).flatMapToLong(Arrays::stream).sorted().toArray();
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
