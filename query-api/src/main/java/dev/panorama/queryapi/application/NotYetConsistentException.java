package dev.panorama.queryapi.application;

import java.time.Duration;

/** The view had not applied the caller's write when the bounded wait ran out. */
public class NotYetConsistentException extends RuntimeException {

    private final transient ConsistencyToken token;
    private final View view;
    private final Duration retryAfter;

    public NotYetConsistentException(ConsistencyToken token, View view, Duration waited, Duration retryAfter) {
        super(view.id() + " has not applied " + token + " yet (waited " + waited.toMillis() + " ms)");
        this.token = token;
        this.view = view;
        this.retryAfter = retryAfter;
    }

    public ConsistencyToken token() {
        return token;
    }

    public View view() {
        return view;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
