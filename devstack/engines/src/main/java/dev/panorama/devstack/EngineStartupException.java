package dev.panorama.devstack;

/** An engine could not start. The message says what failed and what to do about it, on one line. */
public final class EngineStartupException extends RuntimeException {

    public EngineStartupException(String message) {
        super(message);
    }

    public EngineStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
