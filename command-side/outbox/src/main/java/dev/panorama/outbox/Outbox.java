package dev.panorama.outbox;

/**
 * Where a command service records the events of a state change. The events become visible to the
 * relay, and so to Kafka, only if the caller's transaction commits.
 */
public interface Outbox {

    /**
     * Appends the event in the caller's current transaction.
     *
     * @throws IllegalStateException when there is no transaction to join
     * @throws OutboxException when the event cannot be stored, for instance because its aggregate
     *     version is already in the outbox
     */
    void append(OutboxEvent event);
}
