package dev.panorama.order.application.port.in;

/** Keeps the local replica of the restaurants' menus that orders are priced from. */
public interface ReplicateRestaurantUseCase {

    /**
     * Applies the update unless its event was received before, or the replica already holds that version of
     * the restaurant or a later one. The received event and the replica change are one transaction.
     */
    Outcome apply(RestaurantUpdate update);

    enum Outcome {
        /** The replica now holds the update's version. */
        APPLIED,
        /** The event id was received before: a redelivery. */
        DUPLICATE,
        /** The replica already holds this version of the restaurant or a later one. */
        STALE
    }
}
