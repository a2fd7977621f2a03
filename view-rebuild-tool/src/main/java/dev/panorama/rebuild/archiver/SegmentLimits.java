package dev.panorama.rebuild.archiver;

import java.time.Duration;
import java.util.Objects;

/**
 * When a partition's buffer becomes a segment: whichever limit is reached first.
 *
 * @param maxRecords records in one segment
 * @param maxBytes approximate uncompressed size of one segment (keys, values and headers)
 * @param maxAge how long the oldest buffered record may wait, so that a quiet topic is archived too
 */
public record SegmentLimits(int maxRecords, long maxBytes, Duration maxAge) {

    public static final SegmentLimits DEFAULTS = new SegmentLimits(50_000, 64L * 1024 * 1024, Duration.ofSeconds(60));

    public SegmentLimits {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxRecords < 1) {
            throw new IllegalArgumentException("--segment-max-records must be at least 1: " + maxRecords);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("--segment-max-bytes must be at least 1 byte: " + maxBytes);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("--segment-max-age must be positive: " + maxAge);
        }
    }
}
