package dev.panorama.queryapi.application;

/**
 * The versions of a view in the rebuild tool's registry.
 *
 * @param active the version readers see
 * @param building the version a rebuild is writing, or null
 * @param previous the version kept for a rollback, or null
 */
public record VersionSet(int active, Integer building, Integer previous) {

    /** A view the registry does not know yet: the first version the view builder creates, nothing else. */
    public static final VersionSet INITIAL = new VersionSet(1, null, null);
}
