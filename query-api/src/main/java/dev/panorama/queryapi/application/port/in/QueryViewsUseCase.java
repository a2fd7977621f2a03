package dev.panorama.queryapi.application.port.in;

import dev.panorama.queryapi.application.ConsistencyToken;
import dev.panorama.queryapi.application.OrderHistoryPage;
import dev.panorama.queryapi.application.OrderHistoryQuery;
import dev.panorama.queryapi.application.RestaurantQuery;
import dev.panorama.queryapi.application.ViewRead;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read side's queries. A non-null {@code token} makes a query wait (bounded) until the view has
 * applied the caller's write, or fail with {@code NotYetConsistentException}; never stale data silently.
 */
public interface QueryViewsUseCase {

    ViewRead<OrderHistoryPage> searchOrderHistory(OrderHistoryQuery query, ConsistencyToken token);

    ViewRead<Map<String, Object>> orderDetails(UUID orderId, ConsistencyToken token);

    ViewRead<List<Map<String, Object>>> availableRestaurants(RestaurantQuery query, ConsistencyToken token);

    ViewRead<Map<String, Object>> consumerSummary(UUID consumerId, ConsistencyToken token);
}
