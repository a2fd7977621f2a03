package dev.panorama.queryapi.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load driver with two ways to send, each for a warm-up and then a measured window:
 * <ul>
 *   <li>closed loop ({@link #run}): {@code concurrency} platform threads, each sending its next request as soon
 *   as the previous one answered — how much a side serves at most, and its latency when saturated;</li>
 *   <li>open loop ({@link #runAtRate}): requests scheduled at a fixed rate whatever the answers, latency counted
 *   from the scheduled start, so a late answer also delays what should have been sent behind it (no coordinated
 *   omission) — the latency of both sides at the same offered load.</li>
 * </ul>
 * Which request comes next is drawn from a seeded random, so the API and its direct baseline see the same
 * sequence. Latency is recorded in microseconds for requests started inside the measured window whose answer
 * passed its check; every other answer is an error and is not counted as throughput.
 */
final class LoadDriver {

    /** Sends request {@code index} of a scenario; true when the answer is the expected one. */
    @FunctionalInterface
    interface Request {
        boolean send(int index) throws Exception;
    }

    record Result(long requests, double seconds, Histogram latencyMicros, long errors, long warmUpErrors, String firstError) {

        double throughput() {
            return requests / seconds;
        }

        double p50Millis() {
            return requests == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return requests == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    private final int concurrency;
    private final Duration warmUp;
    private final Duration measured;
    private final long seed;

    LoadDriver(int concurrency, Duration warmUp, Duration measured, long seed) {
        this.concurrency = concurrency;
        this.warmUp = warmUp;
        this.measured = measured;
        this.seed = seed;
    }

    Result run(String name, int choices, Request request) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(new SplittableRandom(seed + i), choices, request, ready, go, window);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name(name + "-" + i).start(worker));
        }
        ready.await();
        long start = System.nanoTime();
        window[0] = start + warmUp.toNanos();
        window[1] = window[0] + measured.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return Tally.result(workers, measured);
    }

    /**
     * Sends request number k at {@code start + k / rate} from a pool of {@code senders} threads (enough that a
     * free one is there at each scheduled time unless the side falls behind, which then shows in its latency).
     */
    Result runAtRate(String name, int choices, Request request, double rate, int senders) throws InterruptedException {
        long interval = Math.round(1e9 / rate);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        long measuredFrom = start + warmUp.toNanos();
        long measuredTo = measuredFrom + measured.toNanos();
        List<Sender> pool = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            Sender sender = new Sender(choices, request, next, start, interval, measuredFrom, measuredTo);
            pool.add(sender);
            threads.add(Thread.ofPlatform().name(name + "-" + i).start(sender));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Tally.result(pool, measured);
    }

    /** What one sending thread counted: answers inside the measured window by latency, and errors. */
    private abstract static class Tally {

        private final Histogram histogram = new Histogram(3);
        private String firstError;
        private long requests;
        private long errors;
        private long warmUpErrors;

        /** Sends request {@code index} and counts its answer, its latency counted from {@code since}. */
        final void send(Request request, int index, long since, long measuredFrom) {
            boolean ok;
            try {
                ok = request.send(index);
                if (!ok && firstError == null) {
                    firstError = "unexpected answer to request " + index;
                }
            } catch (Exception e) {
                ok = false;
                if (firstError == null) {
                    firstError = e.toString();
                }
            }
            long micros = (System.nanoTime() - since) / 1000;
            if (since < measuredFrom) {
                if (!ok) {
                    warmUpErrors++;
                }
            } else if (ok) {
                histogram.recordValue(Math.max(1, micros));
                requests++;
            } else {
                errors++;
            }
        }

        static Result result(List<? extends Tally> tallies, Duration measured) {
            Histogram all = new Histogram(3);
            long requests = 0;
            long errors = 0;
            long warmUpErrors = 0;
            String firstError = null;
            for (Tally tally : tallies) {
                all.add(tally.histogram);
                requests += tally.requests;
                errors += tally.errors;
                warmUpErrors += tally.warmUpErrors;
                if (firstError == null) {
                    firstError = tally.firstError;
                }
            }
            return new Result(requests, measured.toNanos() / 1e9, all, errors, warmUpErrors, firstError);
        }
    }

    private final class Sender extends Tally implements Runnable {

        private final int choices;
        private final Request request;
        private final AtomicLong next;
        private final long start;
        private final long interval;
        private final long measuredFrom;
        private final long measuredTo;

        Sender(int choices, Request request, AtomicLong next, long start, long interval, long measuredFrom, long measuredTo) {
            this.choices = choices;
            this.request = request;
            this.next = next;
            this.start = start;
            this.interval = interval;
            this.measuredFrom = measuredFrom;
            this.measuredTo = measuredTo;
        }

        @Override
        public void run() {
            while (true) {
                long number = next.getAndIncrement();
                long scheduled = start + number * interval;
                if (scheduled >= measuredTo) {
                    return;
                }
                for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                // The same index for request number k on both sides, whichever thread sends it.
                send(request, new SplittableRandom(seed + number).nextInt(choices), scheduled, measuredFrom);
            }
        }
    }

    private static final class Worker extends Tally implements Runnable {

        private final SplittableRandom random;
        private final int choices;
        private final Request request;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final long[] window;

        Worker(SplittableRandom random, int choices, Request request, CountDownLatch ready, CountDownLatch go, long[] window) {
            this.random = random;
            this.choices = choices;
            this.request = request;
            this.ready = ready;
            this.go = go;
            this.window = window;
        }

        @Override
        public void run() {
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            while (true) {
                long begin = System.nanoTime();
                if (begin >= window[1]) {
                    return;
                }
                send(request, random.nextInt(choices), begin, window[0]);
            }
        }
    }
}
