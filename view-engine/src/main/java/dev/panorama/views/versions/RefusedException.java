package dev.panorama.views.versions;

/** An operation refused before it changed anything, with the reason and what to do instead. */
public class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
