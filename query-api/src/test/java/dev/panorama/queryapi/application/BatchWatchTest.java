package dev.panorama.queryapi.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchWatchTest {

    private final AtomicReference<Instant> lastBatch = new AtomicReference<>(Instant.parse("2026-11-27T01:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();

    private BatchWatch watch() {
        return new BatchWatch(List.of(() -> {
            reads.incrementAndGet();
            return lastBatch.get();
        }), Duration.ofMillis(1));
    }

    @Test
    void aWaitEndsAsSoonAsABatchLands() throws Exception {
        try (BatchWatch watch = watch()) {
            CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> timed(watch, Duration.ofSeconds(60)));
            int before = reads.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() >= before + 3); // polling for the waiting query
            assertThat(waited).isNotDone();

            lastBatch.set(Instant.parse("2026-11-27T01:00:00.250Z"));

            assertThat(waited.get(10, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(30).toNanos());
        }
    }

    @Test
    void withoutABatchAWaitLastsItsTimeoutAndNobodyPollsWhenNobodyWaits() throws Exception {
        try (BatchWatch watch = watch()) {
            assertThat(timed(watch, Duration.ofMillis(200))).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());

            int after = reads.get();
            assertThat(after).isPositive();
            CompletableFuture<Long> idle = CompletableFuture.supplyAsync(() -> timed(watch, Duration.ZERO));
            assertThat(idle.get(10, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(5).toNanos());
            int settled = reads.get();
            assertThat(timedWithoutWatch(Duration.ofMillis(100))).isPositive();
            assertThat(reads.get()).as("reads while no query waits").isLessThanOrEqualTo(settled + 1);
        }
    }

    @Test
    void anotherSignalWakesAWaitToo() throws Exception {
        AtomicReference<Long> refreshes = new AtomicReference<>(7L);
        // The first signal fails on every read: the second still wakes the wait.
        try (BatchWatch watch = new BatchWatch(List.of(() -> {
            throw new IllegalStateException("store down");
        }, () -> {
            reads.incrementAndGet();
            return refreshes.get();
        }), Duration.ofMillis(1))) {
            CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> timed(watch, Duration.ofSeconds(60)));
            int before = reads.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() >= before + 3);
            assertThat(waited).isNotDone();

            refreshes.set(8L);

            assertThat(waited.get(10, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(30).toNanos());
        }
    }

    @Test
    void aFailingStoreLeavesWaitsToTheirTimeout() {
        try (BatchWatch watch = new BatchWatch(List.of(() -> {
            throw new IllegalStateException("store down");
        }), Duration.ofMillis(1))) {
            assertThat(timed(watch, Duration.ofMillis(100))).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        }
    }

    @Test
    void afterClosingAWaitLastsItsPauseAndNothingPolls() {
        BatchWatch watch = watch();
        watch.close();
        int before = reads.get();

        assertThat(timed(watch, Duration.ofMillis(100))).as("no busy loop once closed").isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(reads.get()).isEqualTo(before);
    }

    private static long timed(BatchWatch watch, Duration timeout) {
        long begin = System.nanoTime();
        try {
            watch.awaitBatch(timeout.toNanos());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - begin;
    }

    /** Lets time pass without waiting on the watch (a parked thread, not a sleep in the test's logic). */
    private static long timedWithoutWatch(Duration duration) throws Exception {
        long begin = System.nanoTime();
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS)).get();
        return System.nanoTime() - begin;
    }
}
