package dev.panorama.queryapi.adapter.out.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.panorama.queryapi.application.DocumentSelector;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.port.out.AppliedDocuments;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Version-vector checks on the Elasticsearch views. A search, not a real-time get: a document that a
 * get would already return may not be searchable before the next refresh, and the caller's query is a
 * search, so only what a search sees counts as applied.
 */
public final class ElasticsearchAppliedDocuments implements AppliedDocuments {

    private final ElasticsearchClient client;
    private final Function<View, String> aliases;
    private final int maxDocuments;

    public ElasticsearchAppliedDocuments(ElasticsearchClient client, Function<View, String> aliases, int maxDocuments) {
        this.client = client;
        this.aliases = aliases;
        this.maxDocuments = maxDocuments;
    }

    @Override
    public boolean holds(View view) {
        return view.store() == View.Store.ELASTICSEARCH;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean reflect(View view, DocumentSelector selector, String sourceKey, long version) {
        String alias = aliases.apply(view);
        Query query = switch (selector) {
            case DocumentSelector.ByIds ids -> Query.of(q -> q.ids(byId -> byId.values(List.copyOf(ids.ids()))));
            case DocumentSelector.ByConsumer consumer -> Query.of(q -> q.term(term -> term.field("consumerId").value(consumer.consumerId())));
            case DocumentSelector.ByRestaurant restaurant -> Query.of(q -> q.term(term -> term.field("restaurantId").value(restaurant.restaurantId())));
        };
        SearchResponse<Map> response = ElasticsearchStores.call("checking " + alias + " for " + sourceKey, () -> client.search(search -> search
            .index(alias).query(query).size(maxDocuments).source(source -> source.filter(filter -> filter.includes("sourceVersions")))
            .trackTotalHits(total -> total.enabled(false)), Map.class));
        Set<String> seen = new HashSet<>();
        for (Hit<Map> hit : response.hits().hits()) {
            if (!(hit.source() != null && hit.source().get("sourceVersions") instanceof Map<?, ?> versions
                && versions.get(sourceKey) instanceof Number applied && applied.longValue() >= version)) {
                return false;
            }
            seen.add(hit.id());
        }
        return !(selector instanceof DocumentSelector.ByIds ids) || seen.containsAll(ids.ids());
    }
}
