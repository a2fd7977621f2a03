package dev.panorama.views.state;

import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.LineItem;
import dev.panorama.views.event.Values.Money;

import java.time.Instant;
import java.util.List;

/**
 * @param statusReason why the order was rejected or cancelled, otherwise {@code null}
 */
public record OrderState(String id, long version, String consumerId, String restaurantId, Status status, String statusReason,
                         List<LineItem> lineItems, Money orderTotal, Address deliveryAddress, Instant createdAt,
                         Instant deliverAt, Instant updatedAt) implements AggregateState {

    public static final String TYPE = "order";

    public enum Status {
        APPROVAL_PENDING,
        APPROVED,
        REJECTED,
        CANCELLED
    }

    @Override
    public String aggregateType() {
        return TYPE;
    }

    OrderState withStatus(Status newStatus, String reason, long newVersion, Instant at) {
        return new OrderState(id, newVersion, consumerId, restaurantId, newStatus, reason, lineItems, orderTotal, deliveryAddress,
            createdAt, deliverAt, at);
    }

    /** Orders that were turned down or cancelled cost the consumer nothing. */
    public boolean standing() {
        return status == Status.APPROVAL_PENDING || status == Status.APPROVED;
    }
}
