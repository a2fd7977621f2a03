package dev.panorama.loadgen;

import java.util.Arrays;

/** Response times in microseconds, kept whole (a run is at most a few million commands) for exact percentiles. */
final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    synchronized void record(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    /** The value at or below which {@code percent} % of the recorded values fall, in milliseconds; 0 when empty. */
    synchronized double percentileMillis(double percent) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.clamp(rank - 1, 0, size - 1)] / 1000.0;
    }

    synchronized int count() {
        return size;
    }
}
