package dev.panorama.views.versions;

/** The steps of a rebuild of one view version, in order; a rebuild checkpoint names the last one completed or under way. */
public enum RebuildPhase {
    REGISTERED, HANDED_OVER, WRITING,
    /** Every document written and checked against the archive: the version may be switched to. */
    VERIFIED,
    SWITCHED, ABANDONED
}
