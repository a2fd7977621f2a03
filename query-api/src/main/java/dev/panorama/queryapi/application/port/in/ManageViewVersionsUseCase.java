package dev.panorama.queryapi.application.port.in;

import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.admin.ViewVersionsStatus;

/**
 * The versions of a view, and moving its readers between them (admins). Refusals are
 * {@link dev.panorama.views.versions.RefusedException}s, an unknown or unregistered view an
 * {@link dev.panorama.views.versions.UnknownViewException}; nothing is changed then.
 */
public interface ManageViewVersionsUseCase {

    ViewVersionsStatus versions(View view);

    /** Readers see {@code version}, a built and verified one; the version they saw is kept for a rollback. */
    ViewVersionsStatus switchTo(View view, int version);

    /** Readers go back to the previous version. */
    ViewVersionsStatus rollback(View view);
}
