package dev.panorama.queryapi.application;

import dev.panorama.queryapi.application.port.in.QueryViewsUseCase;
import dev.panorama.queryapi.application.port.out.AvailableRestaurantsReader;
import dev.panorama.queryapi.application.port.out.ConsumerSummaryReader;
import dev.panorama.queryapi.application.port.out.OrderDetailsReader;
import dev.panorama.queryapi.application.port.out.OrderHistoryReader;
import dev.panorama.queryapi.application.port.out.ViewPositions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers queries from the views. Order of work: wait for the caller's write (when a token came), read
 * the positions, then the view, so that the answer reflects at least the positions it reports.
 */
public final class ViewQueryService implements QueryViewsUseCase {

    private final OrderHistoryReader orderHistory;
    private final OrderDetailsReader orderDetails;
    private final AvailableRestaurantsReader restaurants;
    private final ConsumerSummaryReader consumerSummary;
    private final ViewPositions positions;
    private final ReadYourWrites readYourWrites;
    private final String topicPrefix;

    public ViewQueryService(OrderHistoryReader orderHistory, OrderDetailsReader orderDetails, AvailableRestaurantsReader restaurants,
                            ConsumerSummaryReader consumerSummary, ViewPositions positions, ReadYourWrites readYourWrites, String topicPrefix) {
        this.orderHistory = orderHistory;
        this.orderDetails = orderDetails;
        this.restaurants = restaurants;
        this.consumerSummary = consumerSummary;
        this.positions = positions;
        this.readYourWrites = readYourWrites;
        this.topicPrefix = topicPrefix;
    }

    @Override
    public ViewRead<OrderHistoryPage> searchOrderHistory(OrderHistoryQuery query, ConsistencyToken token) {
        return read(View.ORDER_HISTORY, token, () -> orderHistory.search(query));
    }

    @Override
    public ViewRead<Map<String, Object>> orderDetails(UUID orderId, ConsistencyToken token) {
        return found(read(View.ORDER_DETAILS, token, () -> orderDetails.byId(orderId)), "order " + orderId);
    }

    @Override
    public ViewRead<List<Map<String, Object>>> availableRestaurants(RestaurantQuery query, ConsistencyToken token) {
        return read(View.AVAILABLE_RESTAURANTS, token, () -> restaurants.search(query));
    }

    @Override
    public ViewRead<Map<String, Object>> consumerSummary(UUID consumerId, ConsistencyToken token) {
        return found(read(View.CONSUMER_SUMMARY, token, () -> consumerSummary.byId(consumerId)), "consumer " + consumerId);
    }

    private <T> ViewRead<T> read(View view, ConsistencyToken token, Supplier<Versioned<T>> reader) {
        readYourWrites.await(view, token);
        AsOf asOf = AsOf.of(positions.of(view.topics(topicPrefix)));
        Versioned<T> result = reader.get();
        return new ViewRead<>(view, result.viewVersion(), asOf, result.value());
    }

    private static <T> ViewRead<T> found(ViewRead<Optional<T>> read, String what) {
        return new ViewRead<>(read.view(), read.viewVersion(), read.asOf(),
            read.data().orElseThrow(() -> new NotFoundException(read.view().id() + " has no " + what)));
    }
}
