package dev.panorama.outbox.micrometer;

import dev.panorama.outbox.relay.Backlog;
import dev.panorama.outbox.relay.OutboxMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's metrics in Micrometer:
 * <ul>
 *   <li>{@code panorama.outbox.backlog}: unpublished events;</li>
 *   <li>{@code panorama.outbox.oldest.unpublished.age}: how long the oldest of them has waited;</li>
 *   <li>{@code panorama.outbox.publish.latency}: from being written to the outbox to being published;</li>
 *   <li>{@code panorama.outbox.published} and {@code panorama.outbox.publish.failures}: events;</li>
 *   <li>{@code panorama.outbox.relay.leading}: 1 on the instance that publishes, 0 on standbys.</li>
 * </ul>
 * Every instance measures the backlog, so a stuck leader shows on its standbys too.
 */
public final class MicrometerOutboxMetrics implements OutboxMetrics {

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeNanos = new AtomicLong();
    private final AtomicLong leading = new AtomicLong();
    private final Timer latency;
    private final Counter published;
    private final Counter failures;

    public MicrometerOutboxMetrics(MeterRegistry registry) {
        Gauge.builder("panorama.outbox.backlog", backlog, AtomicLong::get)
            .description("Events in the outbox not yet published")
            .baseUnit("events")
            .register(registry);
        TimeGauge.builder("panorama.outbox.oldest.unpublished.age", oldestAgeNanos, TimeUnit.NANOSECONDS, AtomicLong::get)
            .description("How long the oldest unpublished event has been in the outbox")
            .register(registry);
        Gauge.builder("panorama.outbox.relay.leading", leading, AtomicLong::get)
            .description("1 when this relay instance is the one publishing the outbox")
            .register(registry);
        this.latency = Timer.builder("panorama.outbox.publish.latency")
            .description("From being written to the outbox to being acknowledged by Kafka and marked published")
            .register(registry);
        this.published = Counter.builder("panorama.outbox.published")
            .description("Events published and marked")
            .baseUnit("events")
            .register(registry);
        this.failures = Counter.builder("panorama.outbox.publish.failures")
            .description("Events a batch left unpublished, to be retried")
            .baseUnit("events")
            .register(registry);
    }

    @Override
    public void backlog(Backlog backlog) {
        this.backlog.set(backlog.events());
        this.oldestAgeNanos.set(backlog.oldestAge().toNanos());
    }

    @Override
    public void published(List<Duration> latencies) {
        latencies.forEach(latency::record);
        published.increment(latencies.size());
    }

    @Override
    public void publishFailed(int events) {
        failures.increment(events);
    }

    @Override
    public void leading(boolean leading) {
        this.leading.set(leading ? 1 : 0);
    }
}
