package dev.panorama.views.state;

import java.time.Instant;
import java.util.List;

public record DeliveryState(String id, long version, String orderId, String restaurantId, Status status, String courierId,
                            String courierName, Instant readyBy, List<Milestone> timeline) implements AggregateState {

    public static final String TYPE = "delivery";

    public enum Status {
        SCHEDULED,
        COURIER_ASSIGNED,
        PICKED_UP,
        DELIVERED
    }

    /** A step of the delivery and when it happened. */
    public record Milestone(Status status, Instant at) {
    }

    @Override
    public String aggregateType() {
        return TYPE;
    }

    DeliveryState advance(Status newStatus, Instant at, long newVersion) {
        return new DeliveryState(id, newVersion, orderId, restaurantId, newStatus, courierId, courierName, readyBy,
            StateFold.append(timeline, new Milestone(newStatus, at)));
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }
}
