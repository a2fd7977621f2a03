package dev.panorama.views.versions;

/** Where an abandoned rebuild is recorded, so that a later rebuild of the same version starts afresh. */
public interface AbandonedRebuilds {

    /** Marks the checkpoint of the rebuild of {@code view} to {@code version} abandoned, if there is one. */
    void abandoned(String view, int version);
}
