package dev.panorama.commandweb;

/** The request headers every command service reads besides {@code If-Match}: one spelling for all of them. */
public final class CommandHeaders {

    /** The caller's id for its request, carried by every event the command publishes. */
    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** A creation's retry key: the same key and request answer the first result instead of creating again. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private CommandHeaders() {
    }
}
