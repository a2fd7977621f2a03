package dev.panorama.views.event;

/** What reading one record gave: an event to apply, or the reason it can never be applied. */
public sealed interface ReadResult {

    record Accepted(DomainEvent event) implements ReadResult {
    }

    /**
     * A poison record. {@code metadata} is present when the envelope could be read, so that later events
     * of the same aggregate can be parked behind it.
     */
    record Rejected(Rejection reason, String detail, EventMetadata metadata) implements ReadResult {

        /** One line for logs and dead-letter headers. */
        public String describe() {
            return reason.name() + ": " + detail;
        }
    }

    enum Rejection {
        NOT_JSON,
        INVALID_ENVELOPE,
        UNKNOWN_EVENT_TYPE,
        UNKNOWN_SCHEMA_VERSION,
        INVALID_PAYLOAD,
        INCONSISTENT
    }
}
