package dev.panorama.outbox.relay;

import dev.panorama.outbox.OutboxEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** An outbox in memory, shared by the relay thread and the test thread. */
final class InMemoryOutboxFeed implements OutboxFeed {

    private final TreeMap<Long, PendingEvent> unpublished = new TreeMap<>();
    private final List<List<Long>> marks = new ArrayList<>();
    private final List<Duration> purges = new ArrayList<>();
    private final Semaphore appended = new Semaphore(0);
    private final AtomicBoolean leadable = new AtomicBoolean(true);
    private final AtomicInteger failuresToThrowOnLead = new AtomicInteger();
    private final AtomicInteger failuresToThrowOnMark = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long nextPosition = 1;

    synchronized long append(OutboxEvent event) {
        long position = nextPosition++;
        unpublished.put(position, new PendingEvent(position, "ftgo." + event.aggregateType() + ".events", event));
        appended.release();
        return position;
    }

    void leadable(boolean leadable) {
        this.leadable.set(leadable);
        appended.release();
    }

    void failOnLead(int times) {
        failuresToThrowOnLead.set(times);
    }

    void failOnMark(int times) {
        failuresToThrowOnMark.set(times);
    }

    synchronized List<List<Long>> marks() {
        return List.copyOf(marks);
    }

    synchronized List<Duration> purges() {
        return List.copyOf(purges);
    }

    synchronized int unpublishedCount() {
        return unpublished.size();
    }

    boolean closed() {
        return closed.get();
    }

    @Override
    public boolean lead() {
        if (failuresToThrowOnLead.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("store unreachable (simulated)");
        }
        return leadable.get();
    }

    @Override
    public synchronized List<PendingEvent> unpublished(int limit) {
        return unpublished.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<Duration> markPublished(Collection<Long> positions) {
        if (failuresToThrowOnMark.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("mark failed (simulated)");
        }
        marks.add(List.copyOf(positions));
        positions.forEach(unpublished::remove);
        return positions.stream().map(position -> Duration.ofMillis(position)).toList();
    }

    @Override
    public synchronized Backlog backlog() {
        return new Backlog(unpublished.size(), unpublished.isEmpty() ? Duration.ZERO : Duration.ofSeconds(1));
    }

    @Override
    public synchronized int purgePublishedOlderThan(Duration retention) {
        purges.add(retention);
        return 0;
    }

    @Override
    public boolean awaitAppended(Duration timeout) {
        try {
            boolean woken = appended.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            appended.drainPermits();
            return woken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
