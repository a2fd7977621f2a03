package dev.panorama.views.runtime;

/**
 * Projection code threw: a bug, or data it cannot handle. Retrying cannot help, unlike a store that is
 * down, so the runtime isolates the event that causes it and dead-letters that one.
 */
public final class ProjectionFailure extends RuntimeException {

    public ProjectionFailure(String view, String documentId, RuntimeException cause) {
        super(view + (documentId == null ? "" : " document " + documentId) + ": " + cause, cause);
    }
}
