package dev.panorama.queryapi.adapter.out;

import dev.panorama.queryapi.application.PartitionPosition;
import dev.panorama.queryapi.application.port.out.ViewPositions;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Positions reused for a short time, for the {@code asOf} of view answers: positions only move forward,
 * so a slightly older one still truthfully says "this answer reflects at least these offsets" — it is
 * only more conservative. It saves a MongoDB read per request; the lag figures read positions uncached.
 */
public final class CachedViewPositions implements ViewPositions {

    private final Cached<List<String>, List<PartitionPosition>> cache;

    public CachedViewPositions(ViewPositions positions, Duration ttl) {
        this.cache = new Cached<>(ttl, positions::of);
    }

    @Override
    public List<PartitionPosition> of(Collection<String> topics) {
        return cache.get(List.copyOf(topics));
    }
}
