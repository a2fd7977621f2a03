package dev.panorama.queryapi.application.admin;

import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.View;
import dev.panorama.views.runtime.ViewVersions.VersionSet;

/**
 * A view's versions as the registry holds them, with the checkpoint of the rebuild of the version being built.
 *
 * @param rebuild the checkpoint of the rebuild of {@code versions.building()}, or null (none building, or no checkpoint)
 */
public record ViewVersionsStatus(View view, VersionSet versions, Rebuild rebuild) {
}
