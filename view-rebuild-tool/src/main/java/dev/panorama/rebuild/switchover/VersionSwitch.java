package dev.panorama.rebuild.switchover;

import dev.panorama.rebuild.views.ViewStores;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.ViewVersions.VersionSet;

import java.time.Clock;

/**
 * Moves readers between the versions of a view, each move one atomic step: the Elasticsearch alias in
 * one {@code _aliases} request, then the registry (which MongoDB readers follow) by compare-and-set.
 * Every version the registry names stays maintained by the live builder, so either side of a switch is
 * current.
 */
public final class VersionSwitch {

    private VersionSwitch() {
    }

    /** Readers see {@code version}; the version they saw becomes the previous one, kept for a rollback. */
    public static VersionSet switchTo(ViewStores stores, ViewCatalog catalog, String view, int version, Clock clock) {
        VersionSet current = current(stores, view);
        if (current.active() == version) {
            throw new RefusedException(view + " v" + version + " is already active");
        }
        if (current.building() == null || current.building() != version) {
            throw new RefusedException(view + " v" + version + " is not built: 'rebuild " + view + " --to-version " + version + "' builds it first");
        }
        stores.pointReadersAt(entry(catalog, view, version));
        replace(stores, current, current.switchedTo(version, clock.instant()));
        return current(stores, view);
    }

    /** Readers go back to the previous version; the one they leave becomes the previous one (a second rollback rolls forward). */
    public static VersionSet rollback(ViewStores stores, ViewCatalog catalog, String view, Clock clock) {
        VersionSet current = current(stores, view);
        if (current.previous() == null) {
            throw new RefusedException("no previous version of " + view + " to roll back to (none was switched from, or it was retired); "
                + "readers see v" + current.active());
        }
        if (current.building() != null) {
            throw new RefusedException("a rebuild of " + view + " v" + current.building() + " is under way: finish or abandon it before a rollback");
        }
        int back = current.previous();
        stores.pointReadersAt(entry(catalog, view, back));
        replace(stores, current, new VersionSet(view, back, null, current.active(), current.revision() + 1, clock.instant()));
        return current(stores, view);
    }

    /** Ends the rollback window: the previous version is no longer maintained and its index or collection is dropped. */
    public static VersionSet retire(ViewStores stores, ViewCatalog catalog, String view, Clock clock) {
        VersionSet current = current(stores, view);
        if (current.previous() == null) {
            throw new RefusedException("no previous version of " + view + " to retire; readers see v" + current.active());
        }
        ViewCatalog.Entry retired = entry(catalog, view, current.previous());
        replace(stores, current, current.withoutPrevious(clock.instant()));
        stores.drop(retired);
        return current(stores, view);
    }

    /** Stops a rebuild: its version is no longer maintained and what it wrote is dropped. */
    public static VersionSet abandon(ViewStores stores, ViewCatalog catalog, RebuildCheckpoints checkpoints, String view, Clock clock) {
        VersionSet current = current(stores, view);
        if (current.building() == null) {
            throw new RefusedException("no rebuild of " + view + " is under way");
        }
        int building = current.building();
        replace(stores, current, current.building(null, clock.instant()));
        stores.drop(entry(catalog, view, building));
        checkpoints.find(view, building).ifPresent(found -> checkpoints.save(found.at(RebuildCheckpoints.Phase.ABANDONED)));
        return current(stores, view);
    }

    private static VersionSet current(ViewStores stores, String view) {
        return stores.registry().get(view).orElseThrow(() -> new RefusedException("view " + view + " is not registered (unknown view, or the view "
            + "builder never ran against this database)"));
    }

    private static ViewCatalog.Entry entry(ViewCatalog catalog, String view, int version) {
        return catalog.find(view, version).orElseThrow(() -> new RefusedException(view + " v" + version + " is not known to this release"));
    }

    private static void replace(ViewStores stores, VersionSet expected, VersionSet next) {
        if (!stores.registry().replace(expected, next)) {
            throw new RefusedException("the versions of " + expected.view() + " changed meanwhile (another rebuild or switch?): nothing was changed "
                + "in the registry; check with 'versions' and run again");
        }
    }
}
