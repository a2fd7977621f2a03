package dev.panorama.outbox.micrometer;

import dev.panorama.outbox.relay.Backlog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerOutboxMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerOutboxMetrics metrics = new MicrometerOutboxMetrics(registry);

    @Test
    void showsTheLastBacklogMeasured() {
        metrics.backlog(new Backlog(42, Duration.ofSeconds(90)));

        assertThat(registry.get("panorama.outbox.backlog").gauge().value()).isEqualTo(42);
        assertThat(registry.get("panorama.outbox.oldest.unpublished.age").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(90);
    }

    @Test
    void countsPublicationsAndTimesTheirLatency() {
        metrics.published(List.of(Duration.ofMillis(10), Duration.ofMillis(30)));
        metrics.publishFailed(3);

        assertThat(registry.get("panorama.outbox.published").counter().count()).isEqualTo(2);
        assertThat(registry.get("panorama.outbox.publish.failures").counter().count()).isEqualTo(3);
        assertThat(registry.get("panorama.outbox.publish.latency").timer().max(TimeUnit.MILLISECONDS)).isEqualTo(30);
    }

    @Test
    void saysWhetherThisInstanceLeads() {
        metrics.leading(true);
        assertThat(registry.get("panorama.outbox.relay.leading").gauge().value()).isEqualTo(1);

        metrics.leading(false);
        assertThat(registry.get("panorama.outbox.relay.leading").gauge().value()).isZero();
    }
}
