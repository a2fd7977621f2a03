package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.VersionSet;
import dev.panorama.queryapi.application.View;

import java.util.Collection;
import java.util.Map;

/** The rebuild tool's registry of view versions and its rebuild checkpoints, read as they are now. */
public interface ViewVersionRegistry {

    /** The registered versions of those of the views the registry has an entry for (others are absent from the map). */
    Map<View, VersionSet> versions(Collection<View> views);

    /** The checkpoint of the rebuild of each given view to the given version, for those that have one. */
    Map<View, Rebuild> rebuilds(Map<View, Integer> versions);
}
