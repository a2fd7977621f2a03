package dev.panorama.queryapi.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Wakes read-your-writes waits as soon as the view builder has finished a batch, instead of each wait
 * sleeping out its back-off: a write usually becomes visible with the next batch, so checking again
 * right then is what keeps the wait short. One poller serves every waiting query and reads one small
 * value (when the builder last recorded positions, which it does after a batch's documents are written);
 * it polls only while some query waits. A wait still ends after its own pause, so a missed batch (or an
 * Elasticsearch refresh, which no batch announces) costs at most that pause.
 */
public final class BatchWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchWatch.class);

    private final Supplier<Instant> lastBatchAt;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchLanded = lock.newCondition();
    private final Condition someoneWaits = lock.newCondition();
    private final Thread poller;
    private int waiting;
    private long batches;
    private boolean closed;

    /**
     * @param lastBatchAt when the view builder last finished a batch ({@code null} when it never did); read by one thread
     * @param interval how often it is read while a query waits
     */
    public BatchWatch(Supplier<Instant> lastBatchAt, Duration interval) {
        this.lastBatchAt = lastBatchAt;
        this.interval = interval;
        this.poller = Thread.ofPlatform().name("batch-watch").daemon().start(this::poll);
    }

    /** Returns when a batch lands after this call, or after {@code timeoutNanos} at the latest (always so once closed). */
    public void awaitBatch(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long seen = batches;
            if (waiting++ == 0) {
                someoneWaits.signal();
            }
            try {
                long remaining = timeoutNanos;
                // Once closed nothing wakes a wait early: it lasts its pause, as without a watch (never a busy loop).
                while (batches == seen && remaining > 0) {
                    remaining = batchLanded.awaitNanos(remaining);
                }
            } finally {
                waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    private void poll() {
        Instant last = null;
        while (true) {
            try {
                boolean idle = false;
                lock.lock();
                try {
                    while (waiting == 0 && !closed) {
                        idle = true;
                        someoneWaits.await();
                    }
                    if (closed) {
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                Instant now = read();
                if (idle || last == null) {
                    // What was read while nobody waited says nothing about batches after the waits began: a new baseline.
                    last = now;
                } else if (now != null && !Objects.equals(now, last)) {
                    last = now;
                    lock.lock();
                    try {
                        batches++;
                        batchLanded.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
                TimeUnit.NANOSECONDS.sleep(interval.toNanos());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Instant read() {
        try {
            return lastBatchAt.get();
        } catch (RuntimeException e) {
            // The waits fall back on their own pauses; their checks report the store's failure.
            log.debug("could not read when the view builder last finished a batch", e);
            return null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            someoneWaits.signalAll();
        } finally {
            lock.unlock();
        }
        poller.interrupt();
    }
}
