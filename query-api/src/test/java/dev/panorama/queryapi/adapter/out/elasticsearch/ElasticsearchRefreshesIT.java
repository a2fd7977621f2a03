package dev.panorama.queryapi.adapter.out.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refresh count the read-your-writes waits watch, read from a real Elasticsearch node. */
class ElasticsearchRefreshesIT {

    @Test
    void theCountMovesWhenAWriteIsMadeSearchableAndOnlyThen() throws Exception {
        String index = TestNamespace.forClass(getClass()).prefix() + "-refreshes-v1";
        String alias = TestNamespace.forClass(getClass()).prefix() + "-refreshes";
        try (Rest5Client rest = Rest5Client.builder(URI.create(Engines.shared().elasticsearch().httpUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper()));
            // No scheduled refresh: only the explicit one below makes the write searchable.
            client.indices().create(create -> create.index(index).aliases(alias, a -> a)
                .settings(settings -> settings.numberOfShards("1").numberOfReplicas("0").refreshInterval(interval -> interval.time("-1"))));
            try {
                ElasticsearchRefreshes refreshes = new ElasticsearchRefreshes(client, List.of(alias));
                long before = refreshes.count();

                client.index(write -> write.index(alias).id("o1").document(Map.of("orderId", "o1")));
                assertThat(refreshes.count()).as("written, not yet searchable").isEqualTo(before);

                client.indices().refresh(refresh -> refresh.index(alias));
                assertThat(refreshes.count()).isGreaterThan(before);
            } finally {
                client.indices().delete(delete -> delete.index(index));
            }
        }
    }

    @Test
    void aMissingIndexIsAStoreFailureNotACount() throws Exception {
        try (Rest5Client rest = Rest5Client.builder(URI.create(Engines.shared().elasticsearch().httpUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper()));
            ElasticsearchRefreshes refreshes = new ElasticsearchRefreshes(client, List.of(TestNamespace.forClass(getClass()).prefix() + "-absent"));

            assertThatThrownBy(refreshes::count).isInstanceOf(RuntimeException.class);
        }
    }
}
