package dev.panorama.order.application;

import dev.panorama.order.application.port.in.ReplicateRestaurantUseCase;
import dev.panorama.order.application.port.in.RestaurantUpdate;
import dev.panorama.order.application.port.out.ReceivedEvents;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the restaurant replica. Two guards, both in the one local transaction of the update: the event id
 * (a redelivery of an event already handled changes nothing) and the restaurant's version (an event older
 * than what the replica holds changes nothing, so events that arrive out of order cannot undo newer ones).
 */
@Transactional
public class RestaurantReplicaService implements ReplicateRestaurantUseCase {

    /** The name this service's restaurant replica records its received events under. */
    public static final String SUBSCRIBER = "restaurant-replica";

    private final ReceivedEvents received;
    private final RestaurantReplicas replicas;

    public RestaurantReplicaService(ReceivedEvents received, RestaurantReplicas replicas) {
        this.received = received;
        this.replicas = replicas;
    }

    @Override
    public Outcome apply(RestaurantUpdate update) {
        if (!received.firstReceipt(SUBSCRIBER, update.eventId())) {
            return Outcome.DUPLICATE;
        }
        return replicas.applyIfNewer(update) ? Outcome.APPLIED : Outcome.STALE;
    }
}
