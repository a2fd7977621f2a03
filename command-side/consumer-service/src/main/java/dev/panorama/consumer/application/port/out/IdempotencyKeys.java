package dev.panorama.consumer.application.port.out;

import dev.panorama.consumer.application.port.in.ConsumerVersion;
import dev.panorama.consumer.application.port.in.IdempotencyKey;

/** The registrations made under an Idempotency-Key, kept in the transaction of the registration. */
public interface IdempotencyKeys {

    /**
     * Records {@code candidate} under the key unless the key is taken; waits for a concurrent
     * registration under the same key to finish first.
     *
     * @return what the key stands for now: the candidate if the key was free, else the earlier registration
     */
    RememberedRegistration remember(IdempotencyKey key, String fingerprint, ConsumerVersion candidate);

    /** @param fingerprint of the request body that first used the key */
    record RememberedRegistration(String fingerprint, ConsumerVersion result) {
    }
}
