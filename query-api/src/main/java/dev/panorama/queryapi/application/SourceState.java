package dev.panorama.queryapi.application;

import java.util.Map;

/**
 * The view builder's replica of one source aggregate: the version it has folded and the ids it refers
 * to ({@code consumerId} and {@code restaurantId} of an order, {@code orderId} of a delivery).
 */
public record SourceState(String aggregateType, String aggregateId, long version, Map<String, String> references) {
}
