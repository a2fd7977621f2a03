package dev.panorama.queryapi.application;

import java.util.Set;

/** Which documents of a view a change reaches: some by id, or all of one consumer's or one restaurant's. */
public sealed interface DocumentSelector {

    record ByIds(Set<String> ids) implements DocumentSelector {
    }

    record ByConsumer(String consumerId) implements DocumentSelector {
    }

    record ByRestaurant(String restaurantId) implements DocumentSelector {
    }
}
