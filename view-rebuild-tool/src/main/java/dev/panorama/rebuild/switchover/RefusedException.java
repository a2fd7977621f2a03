package dev.panorama.rebuild.switchover;

/** An operation refused before it changed anything, with the reason and what to do instead. */
public final class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
