package dev.panorama.queryapi.adapter.out.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.panorama.queryapi.application.OrderHistoryPage;
import dev.panorama.queryapi.application.OrderHistoryQuery;
import dev.panorama.queryapi.application.Versioned;
import dev.panorama.queryapi.application.port.out.OrderHistoryReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code order-history} through its alias. The caller's text is only ever a {@code multi_match} value
 * (analysed as text, never parsed as query syntax); ids and statuses are {@code term} values. Paging is
 * {@code search_after} on (createdAt, orderId): both immutable, so pages neither repeat nor skip orders
 * while the view changes.
 */
public final class ElasticsearchOrderHistoryReader implements OrderHistoryReader {

    static final List<String> TEXT_FIELDS = List.of("restaurantName", "lineItems.name");

    private final ElasticsearchClient client;
    private final String alias;
    private final ElasticsearchViewVersions versions;

    public ElasticsearchOrderHistoryReader(ElasticsearchClient client, String alias, ElasticsearchViewVersions versions) {
        this.client = client;
        this.alias = alias;
        this.versions = versions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Versioned<OrderHistoryPage> search(OrderHistoryQuery query) {
        int version = versions.version(alias);
        SortOrder order = query.sort().ascending() ? SortOrder.Asc : SortOrder.Desc;
        SearchResponse<Map> response = ElasticsearchStores.call("searching " + alias, () -> client.search(search -> {
            search.index(alias).query(query(query)).size(query.size() + 1).trackTotalHits(total -> total.enabled(false))
                .sort(sort -> sort.field(field -> field.field("createdAt").order(order)))
                .sort(sort -> sort.field(field -> field.field("orderId").order(order)));
            if (query.after() != null) {
                search.searchAfter(FieldValue.of(query.after().createdAtMillis()), FieldValue.of(query.after().orderId()));
            }
            return search;
        }, Map.class));
        List<Hit<Map>> hits = response.hits().hits();
        List<Map<String, Object>> orders = new ArrayList<>();
        OrderHistoryQuery.SortKey next = null;
        for (int i = 0; i < Math.min(hits.size(), query.size()); i++) {
            orders.add(source(hits.get(i)));
        }
        if (hits.size() > query.size()) {
            List<FieldValue> sort = hits.get(query.size() - 1).sort();
            next = new OrderHistoryQuery.SortKey(sort.get(0).longValue(), sort.get(1).stringValue());
        }
        return new Versioned<>(version, new OrderHistoryPage(orders, next));
    }

    private static Query query(OrderHistoryQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (query.text() != null) {
            bool.must(must -> must.multiMatch(match -> match.query(query.text()).fields(TEXT_FIELDS).operator(Operator.And)));
        }
        if (query.consumerId() != null) {
            bool.filter(filter -> filter.term(term -> term.field("consumerId").value(query.consumerId().toString())));
        }
        if (query.restaurantId() != null) {
            bool.filter(filter -> filter.term(term -> term.field("restaurantId").value(query.restaurantId().toString())));
        }
        if (query.status() != null) {
            bool.filter(filter -> filter.term(term -> term.field("status").value(query.status().name())));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(filter -> filter.range(range -> range.date(date -> {
                date.field("createdAt");
                if (query.from() != null) {
                    date.gte(query.from().toString());
                }
                if (query.to() != null) {
                    date.lte(query.to().toString());
                }
                return date;
            })));
        }
        return new Query(bool.build());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, Object> source(Hit<Map> hit) {
        return new LinkedHashMap<String, Object>(hit.source());
    }
}
