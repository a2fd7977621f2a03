package dev.panorama.delivery.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A step of a delivery and when it happened: one per change, in order, the instant being the one its event
 * carries ({@code occurredAt}; the pickup and delivery times for those two steps, which are the same instant).
 */
public record Milestone(DeliveryStatus status, Instant at) {

    public Milestone {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
