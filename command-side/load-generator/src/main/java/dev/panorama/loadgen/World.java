package dev.panorama.loadgen;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The consumers and restaurants the journeys order from, created before the first order. */
record World(List<ConsumerRef> consumers, List<RestaurantRef> restaurants) {

    record ConsumerRef(String id, Map<String, Object> address) {
    }

    /**
     * A restaurant and its menu as last sent; the order service learns a menu through events, so an order
     * right after a creation or revision may briefly meet the previous one.
     */
    record RestaurantRef(String id, Instant createdAt, AtomicReference<List<Map<String, Object>>> menu) {
    }
}
