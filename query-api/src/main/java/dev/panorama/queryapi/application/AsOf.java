package dev.panorama.queryapi.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How far the view had got when it was read: the view builder's positions on the view's partitions,
 * read before the view itself, so the answer reflects at least these offsets.
 *
 * @param lastEventAt the oldest of the partitions' last applied event times: every partition had applied
 *                    events up to at least this instant (null when nothing was applied yet)
 * @param offsets the next offset to apply, per topic and partition
 */
public record AsOf(Instant lastEventAt, List<Offset> offsets) {

    public record Offset(String topic, int partition, long nextOffset) {
    }

    public static AsOf of(List<PartitionPosition> positions) {
        Instant oldest = positions.stream().map(PartitionPosition::lastEventAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
            .orElse(null);
        return new AsOf(oldest, positions.stream()
            .sorted(Comparator.comparing(PartitionPosition::topic).thenComparingInt(PartitionPosition::partition))
            .map(p -> new Offset(p.topic(), p.partition(), p.nextOffset())).toList());
    }
}
