package dev.panorama.rebuild.archive;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the archive's objects live, shaped like object storage so that a local directory, S3 or GCS
 * can each be an adapter: names are {@code /}-separated keys, objects are written whole and never
 * appended to. Two kinds of write are needed and no more:
 * <ul>
 *   <li>an immutable object (a segment) is created only if absent — S3 {@code If-None-Match: *},
 *       GCS {@code ifGenerationMatch=0};</li>
 *   <li>a mutable object (a manifest) is replaced atomically, only if it is still the version that was
 *       read — S3 {@code If-Match: <ETag>}, GCS {@code ifGenerationMatch=<generation>}.</li>
 * </ul>
 * Failures of the storage itself are {@link java.io.UncheckedIOException}s.
 */
public interface ArchiveStore {

    /** An object's content with the opaque version token {@link #replace} compares against. */
    record StoredObject(byte[] content, String version) {
    }

    /** A listed object: its full name and size. */
    record ObjectInfo(String name, long size) {
    }

    /**
     * Stores an object unless one of that name exists; the object becomes visible whole or not at all.
     *
     * @return true when stored, false when an object of that name already existed (it is left as it was)
     */
    boolean putIfAbsent(String name, byte[] content);

    /** The object's content and version, or empty when there is none. */
    Optional<StoredObject> get(String name);

    /**
     * Replaces an object atomically if its version is still {@code expectedVersion}: readers see the old
     * content or the new, never a mix.
     *
     * @param expectedVersion the version read before, or {@code null} when the object must not exist yet
     * @return false, changing nothing, when the object's version is not the expected one
     */
    boolean replace(String name, byte[] content, String expectedVersion);

    /** Every complete object whose name starts with {@code prefix}, sorted by name. */
    List<ObjectInfo> list(String prefix);

    /** Deletes the object if it exists. */
    void delete(String name);

    /**
     * Removes what interrupted writes left under {@code prefix} (temporary files, unfinished uploads) that
     * is older than {@code olderThan}, so that a writer still at work is not disturbed.
     *
     * @return what was removed, for the log
     */
    List<String> discardIncompleteWrites(String prefix, Duration olderThan);
}
