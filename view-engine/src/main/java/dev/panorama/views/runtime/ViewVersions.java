package dev.panorama.views.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The registry of which versions of each view exist and what each is for. Readers follow
 * {@link VersionSet#active()}; the live builder keeps every {@link VersionSet#maintained() maintained}
 * version up to date, so that a version being built misses nothing from the moment it is registered and
 * the previous one stays current for a rollback. Changes are compare-and-set on a revision.
 */
public interface ViewVersions {

    Optional<VersionSet> get(String view);

    Map<String, VersionSet> all();

    /** Creates the entry when absent; returns what is stored afterwards (another writer's entry if it won). */
    VersionSet createIfAbsent(String view, int active);

    /**
     * Replaces {@code expected} with {@code next} if nobody changed it meanwhile.
     *
     * @return false when the stored revision is no longer {@code expected}'s
     */
    boolean replace(VersionSet expected, VersionSet next);

    /**
     * @param active the version readers see
     * @param building a version a rebuild is filling, or {@code null}
     * @param previous the version switched away from, kept current for a rollback, or {@code null}
     * @param revision bumped by every change; the compare-and-set token
     */
    record VersionSet(String view, int active, Integer building, Integer previous, long revision, Instant changedAt) {

        public SortedSet<Integer> maintained() {
            SortedSet<Integer> versions = new TreeSet<>();
            versions.add(active);
            if (building != null) {
                versions.add(building);
            }
            if (previous != null) {
                versions.add(previous);
            }
            return versions;
        }

        public VersionSet building(Integer version, Instant at) {
            return new VersionSet(view, active, version, previous, revision + 1, at);
        }

        /** {@code version} becomes active; the active one becomes the previous one. */
        public VersionSet switchedTo(int version, Instant at) {
            return new VersionSet(view, version, null, active, revision + 1, at);
        }

        public VersionSet withoutPrevious(Instant at) {
            return new VersionSet(view, active, building, null, revision + 1, at);
        }
    }
}
