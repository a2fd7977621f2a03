package dev.panorama.loadgen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Spaces commands evenly at a target rate, shared by every journey. Open loop: each permit has a
 * scheduled time, so a slow response does not lower the offered rate, and a late start does not
 * make up for lost time in a burst larger than one second's worth.
 */
final class Pacer {

    private final long intervalNanos;
    private final long maxBurstNanos;
    private final LongSupplier clock;
    private long next;

    private Pacer(long intervalNanos, LongSupplier clock) {
        this.intervalNanos = intervalNanos;
        this.maxBurstNanos = TimeUnit.SECONDS.toNanos(1);
        this.clock = clock;
        this.next = clock.getAsLong();
    }

    /** @param perSecond commands per second; 0 means as fast as the services answer */
    static Pacer perSecond(double perSecond) {
        return perSecond(perSecond, System::nanoTime);
    }

    static Pacer perSecond(double perSecond, LongSupplier clock) {
        if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the rate must be 0 (unpaced) or a positive number of commands per second: " + perSecond);
        }
        return new Pacer(perSecond == 0 ? 0 : Math.max(1, Math.round(1e9 / perSecond)), clock);
    }

    /** Waits until the caller's slot; returns at once when unpaced. */
    void acquire() {
        long waitNanos = reserve();
        if (waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }

    /** Takes the next slot and answers how long the caller must wait for it. */
    synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        if (next < now - maxBurstNanos) {
            next = now - maxBurstNanos;
        }
        long slot = next;
        next += intervalNanos;
        return slot - now;
    }
}
