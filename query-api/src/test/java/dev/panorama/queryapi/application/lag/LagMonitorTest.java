package dev.panorama.queryapi.application.lag;

import dev.panorama.queryapi.application.PartitionPosition;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.LogEndOffsets;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LagMonitorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String RESTAURANTS = "ftgo.restaurant.events";

    private final List<PartitionPosition> positions = new ArrayList<>();
    private final Map<LogEndOffsets.Partition, Long> ends = new HashMap<>();
    private final LagMonitor monitor = new LagMonitor(topics -> List.copyOf(positions), topics -> Map.copyOf(ends),
        new LagSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 100), "", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void caughtUpIsFreshBehindButMovingIsLaggingBehindAndStillIsStalled() {
        ends.put(new LogEndOffsets.Partition(RESTAURANTS, 0), 10L);
        positions.add(position(10, NOW.minusSeconds(3600), NOW.minusSeconds(3600), null));
        assertThat(status()).isEqualTo(LagStatus.FRESH);

        positions.set(0, position(7, NOW.minusSeconds(30), NOW.minusSeconds(1), null));
        LagReport.ViewLag lagging = monitor.report(View.AVAILABLE_RESTAURANTS);
        assertThat(lagging.status()).isEqualTo(LagStatus.LAGGING);
        assertThat(lagging.messageLag()).isEqualTo(3);
        assertThat(lagging.timeLagMillis()).isEqualTo(30_000);

        positions.set(0, position(7, NOW.minusSeconds(300), NOW.minusSeconds(120), null));
        assertThat(status()).isEqualTo(LagStatus.STALLED);
    }

    @Test
    void heartbeatPercentilesCoverEveryRoundTripSeenOnce() {
        ends.put(new LogEndOffsets.Partition(RESTAURANTS, 0), 0L);
        for (int i = 1; i <= 100; i++) {
            positions.clear();
            positions.add(position(0, NOW, NOW, new PartitionPosition.Heartbeat(NOW, NOW.plusSeconds(i), i)));
            monitor.observe();
            monitor.observe(); // the same heartbeat seen twice counts once
        }
        LagReport.HeartbeatStats heartbeat = monitor.report(View.AVAILABLE_RESTAURANTS).heartbeat();
        assertThat(heartbeat.samples()).isEqualTo(100);
        assertThat(heartbeat.p50Millis()).isEqualTo(50);
        assertThat(heartbeat.p99Millis()).isEqualTo(99);
        assertThat(heartbeat.lastMillis()).isEqualTo(100);
    }

    private LagStatus status() {
        return monitor.report(View.AVAILABLE_RESTAURANTS).status();
    }

    private static PartitionPosition position(long next, Instant lastEventAt, Instant appliedAt, PartitionPosition.Heartbeat heartbeat) {
        return new PartitionPosition(RESTAURANTS, 0, next, lastEventAt, appliedAt, heartbeat);
    }
}
