package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.PartitionPosition;

import java.util.Collection;
import java.util.List;

/** The view builder's recorded positions on the given topics (only partitions it has recorded). */
public interface ViewPositions {

    List<PartitionPosition> of(Collection<String> topics);
}
