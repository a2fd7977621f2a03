package dev.panorama.views.versions;

import java.util.Optional;

/** The rebuild tool's checkpoints, as far as moving readers needs them: how far the rebuild of a version got. */
public interface RebuildPhases {

    /** @return the phase of the rebuild of {@code view} to {@code version}, empty when there is no checkpoint of one */
    Optional<RebuildPhase> phase(String view, int version);
}
