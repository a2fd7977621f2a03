package dev.panorama.queryapi.adapter.out.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.util.List;

/**
 * How many times Elasticsearch has made new writes searchable in the view indexes (the "external" refreshes
 * of their shards, summed): when the count moves, a search may see documents it did not see before. One
 * small statistics request.
 */
public final class ElasticsearchRefreshes {

    private final ElasticsearchClient client;
    private final List<String> aliases;

    public ElasticsearchRefreshes(ElasticsearchClient client, List<String> aliases) {
        this.client = client;
        this.aliases = List.copyOf(aliases);
    }

    public long count() {
        return ElasticsearchStores.call("reading the view indexes' refresh statistics", () -> client.indices()
            .stats(stats -> stats.index(aliases).metric("refresh")).all().total().refresh().externalTotal());
    }
}
