package dev.panorama.queryapi.application.admin;

/** Another redrive runs in this instance: two at once would replay the same letters twice. */
public final class RedriveUnderWayException extends RuntimeException {

    public RedriveUnderWayException(String message) {
        super(message);
    }
}
