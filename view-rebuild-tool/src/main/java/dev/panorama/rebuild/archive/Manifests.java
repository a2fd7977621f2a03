package dev.panorama.rebuild.archive;

import java.time.Instant;

/** Reads and writes partitions' manifests in a store, with the version a compare-and-replace needs. */
final class Manifests {

    static final String MANIFEST = "manifest.json";

    /** A manifest and the store's version of it ({@code null} when there is none yet). */
    record Versioned(Manifest manifest, String version) {
    }

    private final ArchiveStore store;

    Manifests(ArchiveStore store) {
        this.store = store;
    }

    static String nameOf(PartitionId partition) {
        return partition.prefix() + MANIFEST;
    }

    Versioned load(PartitionId partition) {
        String name = nameOf(partition);
        return store.get(name)
            .map(stored -> new Versioned(ManifestCodec.decode(stored.content(), partition, name), stored.version()))
            .orElseGet(() -> new Versioned(Manifest.empty(partition), null));
    }

    /** Replaces the manifest read as {@code previous} with {@code next}, unless another writer changed it since. */
    void replace(Versioned previous, Manifest next, Instant now) {
        if (!store.replace(nameOf(next.partition()), ManifestCodec.encode(next, now), previous.version())) {
            throw new ManifestConflictException("the manifest of " + next.partition() + " changed since generation "
                + previous.manifest().generation() + " was read: another archiver wrote it");
        }
    }
}
