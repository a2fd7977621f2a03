package dev.panorama.rebuild.archive;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Appends sealed segments to partitions' archives. The order of steps makes every crash harmless:
 * the segment object is stored first (whole or not at all), then the manifest is replaced to list it.
 * A crash in between leaves a segment the manifest does not list: readers ignore it, the next writer
 * archives those offsets again (making the same file, or another range that supersedes it) and
 * {@link #open} deletes it once it lies below the high-water mark.
 */
public final class ArchiveWriter {

    private final ArchiveStore store;
    private final Manifests manifests;
    private final Clock clock;
    private final Duration incompleteWriteGrace;

    /**
     * @param incompleteWriteGrace how old a temporary file must be before {@link #open} removes it, so that
     *     a write still under way elsewhere is left alone
     */
    public ArchiveWriter(ArchiveStore store, Clock clock, Duration incompleteWriteGrace) {
        this.store = store;
        this.manifests = new Manifests(store);
        this.clock = clock;
        this.incompleteWriteGrace = incompleteWriteGrace;
    }

    public ArchiveWriter(ArchiveStore store) {
        this(store, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    /**
     * Takes up a partition: cleans what earlier interrupted writes left, and returns the manifest,
     * whose {@link Manifest#highWaterMark()} is where archiving continues.
     */
    public Manifest open(PartitionId partition) {
        store.discardIncompleteWrites(partition.prefix(), incompleteWriteGrace);
        Manifest manifest = manifests.load(partition).manifest();
        for (ArchiveStore.ObjectInfo object : store.list(partition.prefix())) {
            String file = object.name().substring(partition.prefix().length());
            // Below the high-water mark an unlisted segment can never be listed any more: the manifest only grows upwards.
            if (SegmentEntry.isSegmentFileName(file) && !manifest.lists(file) && SegmentEntry.offsetsOf(file)[0] < manifest.highWaterMark()) {
                store.delete(object.name());
            }
        }
        return manifest;
    }

    /**
     * Archives records of one partition as one new segment. Records below the archive's high-water mark
     * are already archived and are left out, so archiving the same offsets again changes nothing.
     *
     * @param records in strictly increasing offset order
     * @return the new segment, or empty when every record was already archived
     * @throws ManifestConflictException when another writer appended meanwhile (nothing was recorded)
     * @throws SegmentConflictException when an object of the same name holds other content
     */
    public Optional<SegmentEntry> append(PartitionId partition, List<ArchivedRecord> records) {
        return append(partition, records, null);
    }

    /**
     * As {@link #append(PartitionId, List)}, recording in the segment's entry which records {@code accepted} turned
     * down (the archiver reads each with the event reader, so that a rebuild need not validate the others again).
     */
    public Optional<SegmentEntry> append(PartitionId partition, List<ArchivedRecord> records, Predicate<ArchivedRecord> accepted) {
        Manifests.Versioned current = manifests.load(partition);
        long highWaterMark = current.manifest().highWaterMark();
        List<ArchivedRecord> fresh = records.stream().filter(record -> record.offset() >= highWaterMark).toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        for (ArchivedRecord record : fresh) {
            if (!record.partition().equals(partition)) {
                throw new IllegalArgumentException("a record of " + record.partition() + " cannot go into the archive of " + partition);
            }
        }
        Segments.Encoded segment = Segments.encode(fresh, clock.instant(), accepted);
        String name = partition.prefix() + segment.entry().file();
        if (!store.putIfAbsent(name, segment.content())) {
            requireSameContent(name, segment);
        }
        manifests.replace(current, current.manifest().with(segment.entry()), clock.instant());
        return Optional.of(segment.entry());
    }

    /** The same offsets make the same bytes: an existing object with other content is a real conflict. */
    private void requireSameContent(String name, Segments.Encoded segment) {
        String existing = store.get(name).map(stored -> Sha256.of(stored.content())).orElse("(deleted meanwhile)");
        if (!existing.equals(segment.entry().sha256())) {
            throw new SegmentConflictException("segment " + name + " already exists with SHA-256 " + existing
                + ", not the " + segment.entry().sha256() + " of the records being archived; segments are never overwritten");
        }
    }
}
