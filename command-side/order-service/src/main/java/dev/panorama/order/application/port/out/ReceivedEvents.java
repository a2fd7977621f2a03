package dev.panorama.order.application.port.out;

import java.util.UUID;

/** The ids of the events a subscriber has handled, recorded in the transaction that handles them. */
public interface ReceivedEvents {

    /**
     * Records the event as received by {@code subscriber}; waits for a concurrent transaction recording the
     * same event to finish first.
     *
     * @return {@code true} the first time, {@code false} when it was received before
     */
    boolean firstReceipt(String subscriber, UUID eventId);
}
