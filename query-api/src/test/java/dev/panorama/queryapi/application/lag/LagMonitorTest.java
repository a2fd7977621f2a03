package dev.panorama.queryapi.application.lag;

import dev.panorama.queryapi.application.PartitionPosition;
import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.VersionSet;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.LogEndOffsets;
import dev.panorama.queryapi.application.port.out.ViewVersionRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LagMonitorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String RESTAURANTS = "ftgo.restaurant.events";

    private final List<PartitionPosition> positions = new ArrayList<>();
    private final Map<LogEndOffsets.Partition, Long> ends = new HashMap<>();
    private final Map<View, VersionSet> registered = new HashMap<>();
    private final Map<String, Rebuild> checkpoints = new HashMap<>();
    private final LagMonitor monitor = new LagMonitor(topics -> List.copyOf(positions), topics -> Map.copyOf(ends), new Registry(),
        new LagSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(5), 100), "", Clock.fixed(NOW, ZoneOffset.UTC));

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

    @Test
    void heartbeatPercentilesLeaveOutRoundTripsAppliedBeforeTheWindow() {
        ends.put(new LogEndOffsets.Partition(RESTAURANTS, 0), 0L);
        // A slow start an hour ago (ten heartbeats of a minute each), then ten quick ones within the last five minutes.
        for (int i = 1; i <= 20; i++) {
            Instant seenAt = i <= 10 ? NOW.minusSeconds(3600 + 10 - i) : NOW.minusSeconds(20 - i);
            positions.clear();
            positions.add(position(0, seenAt, seenAt, new PartitionPosition.Heartbeat(seenAt.minusMillis(i <= 10 ? 60_000 : i), seenAt,
                i <= 10 ? 60_000 : i)));
            monitor.observe();
        }
        LagReport.HeartbeatStats heartbeat = monitor.report(View.AVAILABLE_RESTAURANTS).heartbeat();
        assertThat(heartbeat.samples()).isEqualTo(10);
        assertThat(heartbeat.p50Millis()).isEqualTo(15);
        assertThat(heartbeat.p99Millis()).isEqualTo(20);
        assertThat(heartbeat.lastMillis()).isEqualTo(20);
    }

    @Test
    void aViewWithoutARegistryEntryIsAtVersionOneWithNoRebuild() {
        LagReport.ViewLag lag = monitor.report(View.AVAILABLE_RESTAURANTS);
        assertThat(lag.versions()).isEqualTo(new VersionSet(1, null, null));
        assertThat(lag.rebuild()).isNull();
    }

    @Test
    void aRebuildIsReportedWhileTheRegistryNamesTheVersionBeingBuiltAndItsCheckpointExists() {
        Rebuild writing = new Rebuild(3, "WRITING", NOW.minusSeconds(600), NOW.minusSeconds(1),
            new Rebuild.Progress("write", 40_000, 100_000, 2_000, 30, NOW.minusSeconds(1)));
        checkpoints.put("order-history@v3", writing);
        checkpoints.put("consumer-summary@v2", new Rebuild(2, "SWITCHED", NOW.minusSeconds(900), NOW.minusSeconds(800), null));
        registered.put(View.ORDER_HISTORY, new VersionSet(2, 3, 1));
        registered.put(View.CONSUMER_SUMMARY, new VersionSet(2, null, 1));
        registered.put(View.ORDER_DETAILS, new VersionSet(1, 2, null));

        Map<View, LagReport.ViewLag> report = new HashMap<>();
        monitor.report().views().forEach(lag -> report.put(lag.view(), lag));

        assertThat(report.get(View.ORDER_HISTORY).versions()).isEqualTo(new VersionSet(2, 3, 1));
        assertThat(report.get(View.ORDER_HISTORY).rebuild()).isEqualTo(writing);
        assertThat(report.get(View.CONSUMER_SUMMARY).rebuild()).as("nothing building: an old checkpoint is history").isNull();
        assertThat(report.get(View.ORDER_DETAILS).rebuild()).as("building, but the tool has not checkpointed yet").isNull();
        assertThat(report.get(View.ORDER_DETAILS).versions().building()).isEqualTo(2);
        assertThat(report.get(View.AVAILABLE_RESTAURANTS).versions()).isEqualTo(VersionSet.INITIAL);
    }

    private LagStatus status() {
        return monitor.report(View.AVAILABLE_RESTAURANTS).status();
    }

    private static PartitionPosition position(long next, Instant lastEventAt, Instant appliedAt, PartitionPosition.Heartbeat heartbeat) {
        return new PartitionPosition(RESTAURANTS, 0, next, lastEventAt, appliedAt, heartbeat);
    }

    /** The registry as a map, the checkpoints by the tool's ids ({@code order-history@v3}). */
    private final class Registry implements ViewVersionRegistry {

        @Override
        public Map<View, VersionSet> versions(Collection<View> views) {
            Map<View, VersionSet> found = new HashMap<>(registered);
            found.keySet().retainAll(views);
            return found;
        }

        @Override
        public Map<View, Rebuild> rebuilds(Map<View, Integer> versions) {
            Map<View, Rebuild> found = new HashMap<>();
            versions.forEach((view, version) -> {
                Rebuild checkpoint = checkpoints.get(view.id() + "@v" + version);
                if (checkpoint != null) {
                    found.put(view, checkpoint);
                }
            });
            return found;
        }
    }
}
