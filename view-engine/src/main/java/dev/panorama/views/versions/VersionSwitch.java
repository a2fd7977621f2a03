package dev.panorama.views.versions;

import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.ViewVersions;
import dev.panorama.views.runtime.ViewVersions.VersionSet;

import java.time.Clock;

/**
 * Moves readers between the versions of a view, each move one atomic step: the Elasticsearch alias in
 * one {@code _aliases} request, then the registry (which MongoDB readers follow) by compare-and-set.
 * Every version the registry names stays maintained by the live builder, so either side of a switch is
 * current. The rebuild tool's commands and the query API's admin routes both go through here, so they
 * refuse the same things.
 */
public final class VersionSwitch {

    private final ViewCatalog catalog;
    private final ViewVersions registry;
    private final VersionStores stores;
    private final Clock clock;

    public VersionSwitch(ViewCatalog catalog, ViewVersions registry, VersionStores stores, Clock clock) {
        this.catalog = catalog;
        this.registry = registry;
        this.stores = stores;
        this.clock = clock;
    }

    /** The registered versions of a view this release knows; a view the registry lacks is as unknown as one the release lacks. */
    public VersionSet versions(String view) {
        if (!catalog.views().contains(view)) {
            throw new UnknownViewException("unknown view '" + view + "'; the views are " + String.join(", ", catalog.views()));
        }
        return registry.get(view).orElseThrow(() -> new UnknownViewException("view " + view + " is not registered (the view builder never ran "
            + "against this database)"));
    }

    /** Readers see {@code version}; the version they saw becomes the previous one, kept for a rollback. */
    public VersionSet switchTo(String view, int version) {
        VersionSet current = versions(view);
        requireBuilding(current, version);
        return switchFrom(current, version);
    }

    /**
     * As {@link #switchTo}, and only to a version whose rebuild passed verification. For callers that do not
     * watch the rebuild itself (HTTP): a version registered as building may be half written, or have been
     * written by a rebuild whose verification failed, and nothing else would say so.
     */
    public VersionSet switchToVerified(String view, int version, RebuildPhases rebuilds) {
        VersionSet current = versions(view);
        requireBuilding(current, version);
        RebuildPhase phase = rebuilds.phase(view, version).orElseThrow(() -> new RefusedException(view + " v" + version
            + " has no rebuild checkpoint, so nothing says it was verified; 'rebuild " + view + " --to-version " + version + " --no-switch' builds"
            + " and verifies it"));
        if (phase != RebuildPhase.VERIFIED) {
            throw new RefusedException(view + " v" + version + " has not passed verification: its rebuild is at " + phase
                + "; switch once the rebuild reports it VERIFIED");
        }
        return switchFrom(current, version);
    }

    /** Readers go back to the previous version; the one they leave becomes the previous one (a second rollback rolls forward). */
    public VersionSet rollback(String view) {
        VersionSet current = versions(view);
        if (current.previous() == null) {
            throw new RefusedException("no previous version of " + view + " to roll back to (none was switched from, or it was retired); "
                + "readers see v" + current.active());
        }
        if (current.building() != null) {
            throw new RefusedException("a rebuild of " + view + " v" + current.building() + " is under way: finish or abandon it before a rollback");
        }
        int back = current.previous();
        moveReaders(current, back, new VersionSet(view, back, null, current.active(), current.revision() + 1, clock.instant()));
        return versions(view);
    }

    /** Ends the rollback window: the previous version is no longer maintained and its index or collection is dropped. */
    public VersionSet retire(String view) {
        VersionSet current = versions(view);
        if (current.previous() == null) {
            throw new RefusedException("no previous version of " + view + " to retire; readers see v" + current.active());
        }
        ViewCatalog.Entry retired = entry(view, current.previous());
        replace(current, current.withoutPrevious(clock.instant()));
        stores.drop(retired);
        return versions(view);
    }

    /** Stops a rebuild: its version is no longer maintained and what it wrote is dropped. */
    public VersionSet abandon(String view, AbandonedRebuilds rebuilds) {
        VersionSet current = versions(view);
        if (current.building() == null) {
            throw new RefusedException("no rebuild of " + view + " is under way");
        }
        int building = current.building();
        replace(current, current.building(null, clock.instant()));
        stores.drop(entry(view, building));
        rebuilds.abandoned(view, building);
        return versions(view);
    }

    private static void requireBuilding(VersionSet current, int version) {
        if (current.active() == version) {
            throw new RefusedException(current.view() + " v" + version + " is already active");
        }
        if (current.building() == null || current.building() != version) {
            throw new RefusedException(current.view() + " v" + version + " is not built: 'rebuild " + current.view() + " --to-version " + version
                + "' builds it first");
        }
    }

    private VersionSet switchFrom(VersionSet current, int version) {
        moveReaders(current, version, current.switchedTo(version, clock.instant()));
        return versions(current.view());
    }

    /**
     * The alias first, then the registry. Should the registry have changed meanwhile, the alias is pointed
     * back at the active version before refusing: Elasticsearch and MongoDB readers never stay on different
     * versions because of a lost race.
     */
    private void moveReaders(VersionSet current, int version, VersionSet next) {
        stores.pointReadersAt(entry(current.view(), version));
        try {
            replace(current, next);
        } catch (RefusedException raced) {
            stores.pointReadersAt(entry(current.view(), current.active()));
            throw raced;
        }
    }

    private ViewCatalog.Entry entry(String view, int version) {
        return catalog.find(view, version).orElseThrow(() -> new RefusedException(view + " v" + version + " is not known to this release"));
    }

    private void replace(VersionSet expected, VersionSet next) {
        if (!registry.replace(expected, next)) {
            throw new RefusedException("the versions of " + expected.view() + " changed meanwhile (another rebuild or switch?): nothing was changed "
                + "in the registry; check the versions and try again");
        }
    }
}
