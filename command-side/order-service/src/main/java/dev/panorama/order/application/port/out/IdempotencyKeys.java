package dev.panorama.order.application.port.out;

import dev.panorama.order.application.port.in.IdempotencyKey;
import dev.panorama.order.application.port.in.OrderVersion;

/** The creations made under an Idempotency-Key, kept in the transaction of the creation. */
public interface IdempotencyKeys {

    /**
     * Records {@code candidate} under the key unless the key is taken; waits for a concurrent
     * creation under the same key to finish first.
     *
     * @return what the key stands for now: the candidate if the key was free, else the earlier creation
     */
    RememberedCreation remember(IdempotencyKey key, String fingerprint, OrderVersion candidate);

    /** @param fingerprint of the request body that first used the key */
    record RememberedCreation(String fingerprint, OrderVersion result) {
    }
}
