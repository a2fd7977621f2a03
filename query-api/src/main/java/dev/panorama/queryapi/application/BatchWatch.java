package dev.panorama.queryapi.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Wakes read-your-writes waits as soon as more may be visible, instead of each wait sleeping out its
 * back-off: for a MongoDB view when the view builder has finished a batch (its documents show a write as
 * soon as its batch is written), for an Elasticsearch view when a view index has refreshed (it shows the
 * write only from the first refresh after that, which no batch announces); one watch per store. Checking
 * again right then is what keeps the wait short. One poller serves every query waiting on the watch and
 * reads a few small values (when the builder last recorded positions, which it does after a batch's
 * documents are written; how many refreshes the view indexes have had); it polls only while some query
 * waits. A wait still ends after its own pause, so a missed signal costs at most that pause.
 */
public final class BatchWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchWatch.class);

    private final List<Supplier<?>> signals;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchLanded = lock.newCondition();
    private final Condition someoneWaits = lock.newCondition();
    private final Thread poller;
    private int waiting;
    private long batches;
    private boolean closed;

    /**
     * @param signals values that move when more may be visible, such as when the view builder last finished a
     *                batch ({@code null} while unknown); read by one thread, each on its own, so one failing leaves the others
     * @param interval how often they are read while a query waits
     */
    public BatchWatch(List<Supplier<?>> signals, Duration interval) {
        this.signals = List.copyOf(signals);
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
        Object[] last = new Object[signals.size()];
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
                // What was read while nobody waited says nothing about what came after the waits began: a new baseline.
                if (moved(last, idle)) {
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

    /** Reads every signal; true when one that was known before moved. Signals read while nobody waited only set the baseline. */
    private boolean moved(Object[] last, boolean baseline) {
        boolean moved = false;
        for (int i = 0; i < last.length; i++) {
            Object now = read(signals.get(i));
            if (now != null && !now.equals(last[i])) {
                moved |= last[i] != null && !baseline;
                last[i] = now;
            }
        }
        return moved;
    }

    private static Object read(Supplier<?> signal) {
        try {
            return signal.get();
        } catch (RuntimeException e) {
            // The waits fall back on their own pauses; their checks report the store's failure.
            log.debug("could not read a signal of new data", e);
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
