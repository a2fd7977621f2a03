package dev.panorama.outbox;

/** The outbox table could not be written or read; the cause says why. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
