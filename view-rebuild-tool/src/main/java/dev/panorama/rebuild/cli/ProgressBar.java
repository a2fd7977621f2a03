package dev.panorama.rebuild.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line per step: bar, done of total, rate and time left. On a terminal it redraws in place;
 * into a file or pipe it prints a line every few seconds, so logs stay short.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private String step;
    private long stepStarted;
    private long lastPrinted;
    private boolean open;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
    }

    /** @return the rate (units per second) and the estimated seconds left */
    synchronized double[] update(String name, long done, long total) {
        long now = System.nanoTime();
        if (!name.equals(step)) {
            finishLine();
            step = name;
            stepStarted = now;
            lastPrinted = 0;
        }
        double seconds = (now - stepStarted) / 1e9;
        // A rate over less than half a second says nothing yet.
        double rate = seconds < 0.5 ? 0 : done / seconds;
        long eta = rate <= 0 || total <= done ? 0 : Math.round((total - done) / rate);
        if (now - lastPrinted >= intervalNanos || done >= total) {
            lastPrinted = now;
            int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * done / total);
            String line = String.format(Locale.ROOT, "%-6s [%s%s] %3d%% %,d/%,d  %s/s  ETA %s", name, "#".repeat(filled),
                "-".repeat(WIDTH - filled), total <= 0 ? 100 : Math.min(100, 100 * done / total), done, total,
                rate > 0 ? String.format(Locale.ROOT, "%,.0f", rate) : "…", rate > 0 || done >= total ? duration(eta) : "…");
            if (terminal) {
                out.print("\r" + line);
                open = true;
                if (done >= total) {
                    finishLine();
                }
            } else {
                out.println(line);
            }
        }
        return new double[] {rate, eta};
    }

    synchronized void finishLine() {
        if (open) {
            out.println();
            open = false;
        }
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
            : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
