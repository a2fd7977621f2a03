package dev.panorama.views.versions;

/** Refused because this release, or the registry of this database, has no view of that name: over HTTP a 404, not a conflict. */
public final class UnknownViewException extends RefusedException {

    public UnknownViewException(String message) {
        super(message);
    }
}
