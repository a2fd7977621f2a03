package dev.panorama.snapshot;

/** A snapshot could not be taken or written completely; a client sees a stream without its trailer. */
public class SnapshotException extends RuntimeException {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
