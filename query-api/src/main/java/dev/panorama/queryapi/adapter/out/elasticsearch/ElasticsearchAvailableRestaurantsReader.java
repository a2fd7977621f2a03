package dev.panorama.queryapi.adapter.out.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.panorama.queryapi.application.RestaurantQuery;
import dev.panorama.queryapi.application.Versioned;
import dev.panorama.queryapi.application.port.out.AvailableRestaurantsReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code available-restaurants} through its alias: a {@code geo_distance} filter and sort, "open now" as
 * a nested range over the view's {@code openPeriods} (minute ranges per day, a period past midnight
 * already split in two by the view builder), and the menu keyword as a {@code multi_match} value.
 */
public final class ElasticsearchAvailableRestaurantsReader implements AvailableRestaurantsReader {

    private static final List<String> TEXT_FIELDS = List.of("menu.name", "name");

    private final ElasticsearchClient client;
    private final String alias;
    private final ElasticsearchViewVersions versions;

    public ElasticsearchAvailableRestaurantsReader(ElasticsearchClient client, String alias, ElasticsearchViewVersions versions) {
        this.client = client;
        this.alias = alias;
        this.versions = versions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Versioned<List<Map<String, Object>>> search(RestaurantQuery query) {
        int version = versions.version(alias);
        SearchResponse<Map> response = ElasticsearchStores.call("searching " + alias, () -> client.search(search -> search
            .index(alias).query(query(query)).size(query.size()).trackTotalHits(total -> total.enabled(false))
            .sort(sort -> sort.geoDistance(geo -> geo.field("location").location(at -> at.latlon(point -> point.lat(query.lat()).lon(query.lon())))
                .order(SortOrder.Asc).unit(DistanceUnit.Kilometers)))
            .sort(sort -> sort.field(field -> field.field("restaurantId").order(SortOrder.Asc))), Map.class));
        List<Map<String, Object>> restaurants = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> restaurant = ElasticsearchOrderHistoryReader.source(hit);
            restaurant.put("distanceKm", Math.round(hit.sort().getFirst().doubleValue() * 1000) / 1000.0);
            restaurants.add(restaurant);
        }
        return new Versioned<>(version, restaurants);
    }

    private static Query query(RestaurantQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(filter -> filter.geoDistance(geo -> geo.field("location").distance(query.radiusKm() + "km")
            .location(at -> at.latlon(point -> point.lat(query.lat()).lon(query.lon())))));
        bool.filter(filter -> filter.nested(nested -> nested.path("openPeriods").query(open -> open.bool(period -> period
            .filter(day -> day.term(term -> term.field("openPeriods.dayOfWeek").value(query.day().name())))
            .filter(from -> from.range(range -> range.number(number -> number.field("openPeriods.fromMinute").lte((double) query.minuteOfDay()))))
            .filter(to -> to.range(range -> range.number(number -> number.field("openPeriods.toMinute").gt((double) query.minuteOfDay()))))))));
        if (query.text() != null) {
            bool.must(must -> must.multiMatch(match -> match.query(query.text()).fields(TEXT_FIELDS).operator(Operator.And)));
        }
        return new Query(bool.build());
    }
}
