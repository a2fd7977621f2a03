package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.ConsistencyToken;
import dev.panorama.queryapi.application.OrderHistoryPage;
import dev.panorama.queryapi.application.OrderHistoryQuery;
import dev.panorama.queryapi.application.OrderSort;
import dev.panorama.queryapi.application.OrderStatus;
import dev.panorama.queryapi.application.RestaurantQuery;
import dev.panorama.queryapi.application.ViewRead;
import dev.panorama.queryapi.application.port.in.QueryViewsUseCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The four views over HTTP: validated parameters in, the view's documents with their version and position out. */
@RestController
class ViewController {

    static final String TOKEN_HEADER = "X-Consistency-Token";
    private static final Duration MAX_RANGE = Duration.ofDays(366);

    private final QueryViewsUseCase views;
    private final ZoneId restaurantZone;
    private final Clock clock;

    ViewController(QueryViewsUseCase views, @Value("${panorama.query-api.restaurant-zone:UTC}") ZoneId restaurantZone, Clock clock) {
        this.views = views;
        this.restaurantZone = restaurantZone;
        this.clock = clock;
    }

    @GetMapping("/order-history")
    ResponseEntity<Map<String, Object>> orderHistory(@RequestParam(name = "q", required = false) String q,
                                                     @RequestParam(name = "consumerId", required = false) String consumerId,
                                                     @RequestParam(name = "status", required = false) String status,
                                                     @RequestParam(name = "restaurantId", required = false) String restaurantId,
                                                     @RequestParam(name = "from", required = false) String from,
                                                     @RequestParam(name = "to", required = false) String to,
                                                     @RequestParam(name = "sort", required = false) String sort,
                                                     @RequestParam(name = "size", required = false) String size,
                                                     @RequestParam(name = "cursor", required = false) String cursor,
                                                     @RequestParam(name = "after", required = false) String after,
                                                     @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader) {
        RequestParameters parameters = new RequestParameters();
        Instant fromInstant = parameters.instant("from", from);
        Instant toInstant = parameters.instant("to", to);
        if (fromInstant != null && toInstant != null) {
            if (fromInstant.isAfter(toInstant)) {
                parameters.reject("from", "query", "must not be after to");
            } else if (Duration.between(fromInstant, toInstant).compareTo(MAX_RANGE) > 0) {
                parameters.reject("to", "query", "must be at most 366 days after from");
            }
        }
        OrderSort orderSort = Optional.ofNullable(parameters.oneOf("sort", sort, OrderSort::fromWire, OrderSort.wireNames()))
            .orElse(OrderSort.CREATED_AT_DESC);
        OrderHistoryQuery query = new OrderHistoryQuery(parameters.text("q", q), parameters.uuid("consumerId", "query", consumerId),
            parameters.oneOf("status", status, OrderStatus::byName, OrderStatus.names()),
            parameters.uuid("restaurantId", "query", restaurantId), fromInstant, toInstant, orderSort,
            parameters.integer("size", size, 1, 100, 20), null);
        ConsistencyToken token = parameters.token(tokenHeader, after);
        OrderHistoryQuery.SortKey key = parameters.hasErrors() ? null : CursorCodec.decode(cursor, query, parameters);
        parameters.throwIfInvalid();
        OrderHistoryQuery page = new OrderHistoryQuery(query.text(), query.consumerId(), query.status(), query.restaurantId(), query.from(),
            query.to(), query.sort(), query.size(), key);
        ViewRead<OrderHistoryPage> read = views.searchOrderHistory(page, token);
        Map<String, Object> body = ViewResponses.envelope(read);
        body.put("items", read.data().orders());
        body.put("nextCursor", read.data().next() == null ? null : CursorCodec.encode(page, read.data().next()));
        return ViewResponses.ok(read, body);
    }

    @GetMapping("/orders/{orderId}")
    ResponseEntity<Map<String, Object>> order(@PathVariable("orderId") String orderId,
                                              @RequestParam(name = "after", required = false) String after,
                                              @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader) {
        RequestParameters parameters = new RequestParameters();
        UUID id = parameters.uuid("orderId", "path", orderId);
        ConsistencyToken token = parameters.token(tokenHeader, after);
        parameters.throwIfInvalid();
        ViewRead<Map<String, Object>> read = views.orderDetails(id, token);
        Map<String, Object> body = ViewResponses.envelope(read);
        body.put("order", read.data());
        return ViewResponses.ok(read, body);
    }

    @GetMapping("/restaurants/available")
    ResponseEntity<Map<String, Object>> availableRestaurants(@RequestParam(name = "lat", required = false) String lat,
                                                             @RequestParam(name = "lon", required = false) String lon,
                                                             @RequestParam(name = "radiusKm", required = false) String radiusKm,
                                                             @RequestParam(name = "at", required = false) String at,
                                                             @RequestParam(name = "q", required = false) String q,
                                                             @RequestParam(name = "size", required = false) String size,
                                                             @RequestParam(name = "after", required = false) String after,
                                                             @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader) {
        RequestParameters parameters = new RequestParameters();
        Double latitude = parameters.decimal("lat", lat, -90, false, 90, null, true);
        Double longitude = parameters.decimal("lon", lon, -180, false, 180, null, true);
        double radius = parameters.decimal("radiusKm", radiusKm, 0, true, 50, 5.0, false);
        LocalDateTime localTime = parameters.localDateTime("at", at);
        String text = parameters.text("q", q);
        int pageSize = parameters.integer("size", size, 1, 100, 20);
        ConsistencyToken token = parameters.token(tokenHeader, after);
        parameters.throwIfInvalid();
        LocalDateTime when = localTime != null ? localTime : LocalDateTime.now(clock.withZone(restaurantZone));
        ViewRead<List<Map<String, Object>>> read = views.availableRestaurants(new RestaurantQuery(latitude, longitude, radius,
            when.getDayOfWeek(), when.getHour() * 60 + when.getMinute(), text, pageSize), token);
        Map<String, Object> body = ViewResponses.envelope(read);
        body.put("at", when.toString());
        body.put("items", read.data());
        return ViewResponses.ok(read, body);
    }

    @GetMapping("/consumers/{consumerId}/summary")
    ResponseEntity<Map<String, Object>> consumerSummary(@PathVariable("consumerId") String consumerId,
                                                        @RequestParam(name = "after", required = false) String after,
                                                        @RequestHeader(name = TOKEN_HEADER, required = false) String tokenHeader) {
        RequestParameters parameters = new RequestParameters();
        UUID id = parameters.uuid("consumerId", "path", consumerId);
        ConsistencyToken token = parameters.token(tokenHeader, after);
        parameters.throwIfInvalid();
        ViewRead<Map<String, Object>> read = views.consumerSummary(id, token);
        Map<String, Object> body = ViewResponses.envelope(read);
        body.put("summary", read.data());
        return ViewResponses.ok(read, body);
    }
}
