package dev.panorama.outbox.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the relay reported. */
public final class RecordingMetrics implements OutboxMetrics {

    private Backlog lastBacklog;
    private final List<Duration> latencies = new ArrayList<>();
    private int failed;
    private boolean leading;

    /** @return {@code null} until the relay reported one */
    public synchronized Backlog lastBacklog() {
        return lastBacklog;
    }

    public synchronized List<Duration> latencies() {
        return List.copyOf(latencies);
    }

    public synchronized int failed() {
        return failed;
    }

    public synchronized boolean leading() {
        return leading;
    }

    @Override
    public synchronized void backlog(Backlog backlog) {
        lastBacklog = backlog;
    }

    @Override
    public synchronized void published(List<Duration> latencies) {
        this.latencies.addAll(latencies);
    }

    @Override
    public synchronized void publishFailed(int events) {
        failed += events;
    }

    @Override
    public synchronized void leading(boolean leading) {
        this.leading = leading;
    }
}
