package dev.panorama.delivery.application.port.out;

import dev.panorama.delivery.application.port.in.DeliveryVersion;
import dev.panorama.delivery.application.port.in.IdempotencyKey;

/** The schedules made under an Idempotency-Key, kept in the transaction of the schedule. */
public interface IdempotencyKeys {

    /**
     * Records {@code candidate} under the key unless the key is taken; waits for a concurrent
     * schedule under the same key to finish first.
     *
     * @return what the key stands for now: the candidate if the key was free, else the earlier schedule
     */
    RememberedSchedule remember(IdempotencyKey key, String fingerprint, DeliveryVersion candidate);

    /** @param fingerprint of the request body that first used the key */
    record RememberedSchedule(String fingerprint, DeliveryVersion result) {
    }
}
