package dev.panorama.snapshot;

/** What an export wrote: its position and the number of aggregate records (the trailer's count). */
public record SnapshotSummary(SnapshotPosition position, long records) {
}
