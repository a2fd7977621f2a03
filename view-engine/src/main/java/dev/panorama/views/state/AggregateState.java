package dev.panorama.views.state;

import dev.panorama.views.event.SourceKey;

/**
 * The folded state of one source aggregate, as far as the views need it, at {@link #version()} (the
 * {@code aggregateVersion} of the last event applied). The view builder keeps these replicas itself,
 * so that views can join data of other services without calling them.
 */
public sealed interface AggregateState permits ConsumerState, RestaurantState, OrderState, DeliveryState {

    String id();

    long version();

    String aggregateType();

    default SourceKey source() {
        return new SourceKey(aggregateType(), id());
    }
}
