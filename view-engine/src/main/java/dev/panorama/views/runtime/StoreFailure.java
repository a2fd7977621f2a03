package dev.panorama.views.runtime;

/** The state store failed while projection code read through it: transient, the batch is retried. */
public final class StoreFailure extends RuntimeException {

    StoreFailure(RuntimeException cause) {
        super("state store: " + cause.getMessage(), cause);
    }
}
