package dev.panorama.queryapi.application.admin;

import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.in.ManageViewVersionsUseCase;
import dev.panorama.queryapi.application.port.out.ViewVersionRegistry;
import dev.panorama.views.runtime.ViewVersions.VersionSet;
import dev.panorama.views.versions.RebuildPhase;
import dev.panorama.views.versions.VersionSwitch;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Switch and rollback by the rebuild tool's own rules ({@link VersionSwitch}); a switch also needs the
 * rebuild's checkpoint to say the version passed verification, because an HTTP caller does not see the
 * warnings the rebuild printed.
 */
public final class ViewVersionAdministration implements ManageViewVersionsUseCase {

    private final VersionSwitch versionSwitch;
    private final ViewVersionRegistry registry;

    public ViewVersionAdministration(VersionSwitch versionSwitch, ViewVersionRegistry registry) {
        this.versionSwitch = versionSwitch;
        this.registry = registry;
    }

    @Override
    public ViewVersionsStatus versions(View view) {
        return status(view, versionSwitch.versions(view.id()));
    }

    @Override
    public ViewVersionsStatus switchTo(View view, int version) {
        return status(view, versionSwitch.switchToVerified(view.id(), version, (id, built) -> phase(view, built)));
    }

    @Override
    public ViewVersionsStatus rollback(View view) {
        return status(view, versionSwitch.rollback(view.id()));
    }

    private ViewVersionsStatus status(View view, VersionSet versions) {
        Rebuild rebuild = versions.building() == null ? null : registry.rebuilds(Map.of(view, versions.building())).get(view);
        return new ViewVersionsStatus(view, versions, rebuild);
    }

    /** The checkpoint's phase; one this release does not know (a newer tool's) counts as not verified. */
    private Optional<RebuildPhase> phase(View view, int version) {
        return Optional.ofNullable(registry.rebuilds(Map.of(view, version)).get(view))
            .flatMap(rebuild -> Arrays.stream(RebuildPhase.values()).filter(phase -> phase.name().equals(rebuild.phase())).findFirst());
    }
}
