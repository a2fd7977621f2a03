package dev.panorama.order.domain;

/**
 * Where an order is: APPROVAL_PENDING → APPROVED | REJECTED | CANCELLED, APPROVED → CANCELLED.
 * REJECTED and CANCELLED are final.
 */
public enum OrderStatus {
    APPROVAL_PENDING,
    APPROVED,
    REJECTED,
    CANCELLED;

    /** Whether nothing can happen to the order any more. */
    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED;
    }
}
