package dev.panorama.queryapi.application.lag;

import dev.panorama.queryapi.application.PartitionPosition;
import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.VersionSet;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.in.ReportLagUseCase;
import dev.panorama.queryapi.application.port.out.LogEndOffsets;
import dev.panorama.queryapi.application.port.out.ViewPositions;
import dev.panorama.queryapi.application.port.out.ViewVersionRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compares the view builder's positions with the log end of every partition a view is built from.
 * {@link #observe()} is called periodically: it records each heartbeat round trip once (by the time it
 * was seen) into a per-topic window, so that percentiles cover more than the last heartbeat. Each view
 * also carries its versions from the rebuild tool's registry and, while a version is being built, that
 * rebuild's checkpoint.
 */
public final class LagMonitor implements ReportLagUseCase {

    private final ViewPositions positions;
    private final LogEndOffsets logEnds;
    private final ViewVersionRegistry registry;
    private final LagSettings settings;
    private final String topicPrefix;
    private final Clock clock;
    private final Map<String, HeartbeatWindow> windows = new ConcurrentHashMap<>();
    private final Map<String, Instant> heartbeatsSeen = new ConcurrentHashMap<>();

    public LagMonitor(ViewPositions positions, LogEndOffsets logEnds, ViewVersionRegistry registry, LagSettings settings, String topicPrefix,
                      Clock clock) {
        this.positions = positions;
        this.logEnds = logEnds;
        this.registry = registry;
        this.settings = settings;
        this.topicPrefix = topicPrefix;
        this.clock = clock;
    }

    /** Reads the positions once and records heartbeat round trips not seen before; returns the fresh report. */
    public LagReport observe() {
        List<PartitionPosition> all = positions.of(allTopics());
        for (PartitionPosition position : all) {
            PartitionPosition.Heartbeat heartbeat = position.heartbeat();
            if (heartbeat == null || heartbeat.seenAt() == null) {
                continue;
            }
            String key = position.topic() + "/" + position.partition();
            Instant previous = heartbeatsSeen.put(key, heartbeat.seenAt());
            if (!heartbeat.seenAt().equals(previous)) {
                windows.computeIfAbsent(position.topic(), topic -> new HeartbeatWindow(settings.heartbeatSamples(), settings.heartbeatWindow()))
                    .add(heartbeat.roundTripMillis(), heartbeat.seenAt());
            }
        }
        return report(all);
    }

    @Override
    public LagReport report() {
        return report(positions.of(allTopics()));
    }

    @Override
    public LagReport.ViewLag report(View view) {
        return report().views().stream().filter(lag -> lag.view() == view).findFirst().orElseThrow();
    }

    private LagReport report(List<PartitionPosition> all) {
        Instant now = clock.instant();
        Map<LogEndOffsets.Partition, Long> ends = logEnds.latest(allTopics());
        Map<LogEndOffsets.Partition, PartitionPosition> byPartition = new HashMap<>();
        all.forEach(p -> byPartition.put(new LogEndOffsets.Partition(p.topic(), p.partition()), p));
        Map<View, VersionSet> versions = versions();
        Map<View, Rebuild> rebuilds = rebuilds(versions);
        List<LagReport.ViewLag> views = new ArrayList<>();
        for (View view : View.values()) {
            views.add(viewLag(view, now, ends, byPartition, versions.get(view), rebuilds.get(view)));
        }
        return new LagReport(now, List.copyOf(views));
    }

    /** Every view's versions; a view the registry has no entry for is at version 1 with nothing building. */
    private Map<View, VersionSet> versions() {
        Map<View, VersionSet> registered = registry.versions(List.of(View.values()));
        Map<View, VersionSet> versions = new EnumMap<>(View.class);
        for (View view : View.values()) {
            versions.put(view, registered.getOrDefault(view, VersionSet.INITIAL));
        }
        return versions;
    }

    /** A rebuild is under way while the registry names a version being built and the tool has a checkpoint for it. */
    private Map<View, Rebuild> rebuilds(Map<View, VersionSet> versions) {
        Map<View, Integer> building = new EnumMap<>(View.class);
        versions.forEach((view, set) -> {
            if (set.building() != null) {
                building.put(view, set.building());
            }
        });
        return building.isEmpty() ? Map.of() : registry.rebuilds(building);
    }

    private LagReport.ViewLag viewLag(View view, Instant now, Map<LogEndOffsets.Partition, Long> ends,
                                      Map<LogEndOffsets.Partition, PartitionPosition> positions, VersionSet versions, Rebuild rebuild) {
        List<String> topics = view.topics(topicPrefix);
        List<LagReport.PartitionLag> partitions = ends.entrySet().stream()
            .filter(end -> topics.contains(end.getKey().topic()))
            .sorted(Comparator.comparing((Map.Entry<LogEndOffsets.Partition, Long> end) -> end.getKey().topic())
                .thenComparingInt(end -> end.getKey().partition()))
            .map(end -> partitionLag(end.getKey(), end.getValue(), positions.get(end.getKey()), now))
            .toList();
        LagStatus status = partitions.stream().map(LagReport.PartitionLag::status).reduce(LagStatus.FRESH, LagStatus::worst);
        long messageLag = partitions.stream().mapToLong(LagReport.PartitionLag::messageLag).sum();
        long timeLag = partitions.stream().mapToLong(LagReport.PartitionLag::timeLagMillis).max().orElse(0);
        Long lastHeartbeat = partitions.stream()
            .filter(p -> p.heartbeatRoundTripMillis() != null)
            .max(Comparator.comparing(p -> heartbeatsSeen.getOrDefault(p.topic() + "/" + p.partition(), Instant.EPOCH)))
            .map(LagReport.PartitionLag::heartbeatRoundTripMillis).orElse(null);
        List<HeartbeatWindow> viewWindows = topics.stream().map(windows::get).filter(java.util.Objects::nonNull).toList();
        return new LagReport.ViewLag(view, status, messageLag, timeLag, HeartbeatWindow.stats(viewWindows, lastHeartbeat, now), partitions,
            versions, rebuild);
    }

    private LagReport.PartitionLag partitionLag(LogEndOffsets.Partition partition, long logEnd, PartitionPosition position, Instant now) {
        long applied = position == null ? 0 : position.nextOffset();
        long messageLag = Math.max(0, logEnd - applied);
        Instant lastEventAt = position == null ? null : position.lastEventAt();
        Instant appliedAt = position == null ? null : position.appliedAt();
        long timeLag = messageLag == 0 ? 0 : lastEventAt == null ? -1 : Math.max(0, Duration.between(lastEventAt, now).toMillis());
        LagStatus status;
        if (messageLag == 0) {
            status = LagStatus.FRESH;
        } else if (appliedAt == null || Duration.between(appliedAt, now).compareTo(settings.stalledAfter()) > 0) {
            status = LagStatus.STALLED;
        } else if (timeLag < 0 || timeLag > settings.freshWithin().toMillis()) {
            status = LagStatus.LAGGING;
        } else {
            status = LagStatus.FRESH;
        }
        Long roundTrip = position == null || position.heartbeat() == null ? null : position.heartbeat().roundTripMillis();
        return new LagReport.PartitionLag(partition.topic(), partition.partition(), applied, logEnd, messageLag, lastEventAt, appliedAt,
            Math.max(0, timeLag), roundTrip, status);
    }

    private List<String> allTopics() {
        Set<String> topics = new LinkedHashSet<>();
        Arrays.stream(View.values()).forEach(view -> topics.addAll(view.topics(topicPrefix)));
        return List.copyOf(topics);
    }
}
