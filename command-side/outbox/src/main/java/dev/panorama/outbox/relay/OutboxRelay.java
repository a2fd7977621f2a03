package dev.panorama.outbox.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to the broker on a thread of its own, from {@link #start()} to {@link #close()}.
 *
 * <p>Only the leader publishes (see {@link OutboxFeed#lead()}); other instances stand by and take over
 * when it goes. The leader reads a batch in position order, publishes it, and marks published only
 * what the broker acknowledged, per aggregate up to its first unacknowledged event. A failure of any
 * kind is logged, waited out with a bounded exponential backoff and retried from the outbox, so an
 * event is never skipped and the thread never ends before {@link #close()}.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Bounds how long {@link #close()} waits for a thread that waits for notifications. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(200);

    private enum BatchOutcome { DRAINED, MORE, INCOMPLETE }

    private final OutboxFeed feed;
    private final EventPublisher publisher;
    private final RelaySettings settings;
    private final OutboxMetrics metrics;
    private final Backoff backoff;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean leading;
    private long nextPurge;
    private long nextBacklog;

    public OutboxRelay(OutboxFeed feed, EventPublisher publisher, RelaySettings settings, OutboxMetrics metrics) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        // Not a daemon: in a process that only relays, this thread is what keeps it running.
        this.thread = Thread.ofPlatform().name("panorama-outbox-relay").daemon(false).unstarted(this::run);
        this.thread.setUncaughtExceptionHandler((t, e) -> log.error("outbox relay stopped by an error; no event is published until it restarts", e));
    }

    /** Starts the relay thread; a relay starts once. */
    public synchronized void start() {
        if (thread.getState() != Thread.State.NEW || stopping.getCount() == 0) {
            throw new IllegalStateException("an outbox relay starts once");
        }
        thread.start();
    }

    /** Whether this relay is the one publishing the outbox right now. */
    public boolean isLeading() {
        return leading;
    }

    /**
     * Stops the relay thread, which finishes the batch in hand, then gives up leadership and closes
     * the feed and the publisher.
     */
    @Override
    public synchronized void close() {
        stopping.countDown();
        if (thread.getState() == Thread.State.NEW) {
            feed.close();
            publisher.close();
            return;
        }
        try {
            if (!thread.join(settings.shutdownTimeout())) {
                // Interrupts a send blocked on an unreachable broker; the batch is retried by the next leader.
                thread.interrupt();
                if (!thread.join(settings.shutdownTimeout())) {
                    log.error("outbox relay thread did not stop within {}", settings.shutdownTimeout().multipliedBy(2));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    private void run() {
        long now = System.nanoTime();
        nextPurge = now;
        nextBacklog = now;
        try {
            while (running()) {
                cycle();
            }
        } finally {
            leading = false;
            metrics.leading(false);
            closeQuietly(feed);
            closeQuietly(publisher);
            log.info("outbox relay stopped");
        }
    }

    private void cycle() {
        try {
            setLeading(feed.lead());
            boolean complete = !leading || drain() != BatchOutcome.INCOMPLETE;
            if (leading && complete) {
                purgeIfDue();
            }
            // Also while the broker refuses: that is when the backlog grows.
            reportBacklogIfDue();
            if (complete) {
                backoff.reset();
                awaitAppendedOrPoll();
            } else {
                pause(backoff.next());
            }
        } catch (RuntimeException e) {
            setLeading(false);
            Duration wait = backoff.next();
            if (running()) {
                log.warn("outbox relay failed, retrying in {} ms", wait.toMillis(), e);
            }
            pause(wait);
        }
    }

    private BatchOutcome drain() {
        BatchOutcome outcome;
        do {
            outcome = publishBatch();
        } while (outcome == BatchOutcome.MORE && running());
        return outcome;
    }

    private BatchOutcome publishBatch() {
        List<PendingEvent> batch = feed.unpublished(settings.batchSize());
        if (batch.isEmpty()) {
            return BatchOutcome.DRAINED;
        }
        Set<Long> acknowledged = publisher.publish(batch);
        List<Long> markable = PublishedPrefix.positions(batch, acknowledged);
        if (!markable.isEmpty()) {
            metrics.published(feed.markPublished(markable));
        }
        if (markable.size() < batch.size()) {
            metrics.publishFailed(batch.size() - markable.size());
            log.warn("{} of {} outbox events not acknowledged by the broker; they are retried", batch.size() - markable.size(), batch.size());
            return BatchOutcome.INCOMPLETE;
        }
        return batch.size() == settings.batchSize() ? BatchOutcome.MORE : BatchOutcome.DRAINED;
    }

    private void purgeIfDue() {
        if (System.nanoTime() - nextPurge >= 0) {
            int purged = feed.purgePublishedOlderThan(settings.retention());
            log.debug("purged {} published outbox events older than {}", purged, settings.retention());
            nextPurge = System.nanoTime() + settings.purgeInterval().toNanos();
        }
    }

    private void reportBacklogIfDue() {
        if (System.nanoTime() - nextBacklog >= 0) {
            metrics.backlog(feed.backlog());
            nextBacklog = System.nanoTime() + settings.backlogInterval().toNanos();
        }
    }

    private void awaitAppendedOrPoll() {
        long deadline = System.nanoTime() + settings.pollInterval().toNanos();
        while (running()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || feed.awaitAppended(Duration.ofNanos(Math.min(remaining, WAIT_SLICE.toNanos())))) {
                return;
            }
            reportBacklogIfDue();
        }
    }

    private void pause(Duration duration) {
        try {
            stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Only close() interrupts, after asking the thread to stop: the loop ends on its own.
            Thread.currentThread().interrupt();
        }
    }

    private void setLeading(boolean leading) {
        if (this.leading != leading) {
            log.info(leading ? "outbox relay leads: it publishes the outbox"
                : "outbox relay stands by: another instance leads, or the outbox is out of reach");
        }
        this.leading = leading;
        metrics.leading(leading);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("could not close {}", resource, e);
        }
    }
}
