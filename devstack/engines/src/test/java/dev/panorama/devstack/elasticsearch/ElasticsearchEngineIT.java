package dev.panorama.devstack.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@RealEngines
class ElasticsearchEngineIT {

    private ElasticsearchClient client;

    @BeforeEach
    void connect(ElasticsearchEngine elasticsearch) {
        client = ElasticsearchClient.of(config -> config.host(elasticsearch.httpUrl()));
    }

    @AfterEach
    void disconnect() throws IOException {
        client._transport().close();
    }

    @Test
    void officialClientSeesElasticsearch9(ElasticsearchEngine elasticsearch) throws IOException {
        assertThat(client.info().version().number()).startsWith("9.2.");
        assertThat(client.ping().value()).isTrue();
    }

    @Test
    void strictMappingRejectsAnUnknownField(TestNamespace namespace) throws IOException {
        String index = namespace.index("strict");
        client.indices().create(create -> create.index(index)
            .mappings(mappings -> mappings.dynamic(DynamicMapping.Strict)
                .properties("name", property -> property.keyword(keyword -> keyword))));

        ElasticsearchException rejected = catchThrowableOfType(ElasticsearchException.class,
            () -> client.index(request -> request.index(index).id("1").document(Map.of("name", "Ada", "nickname", "A"))));

        assertThat(rejected).isNotNull();
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.error().type()).isEqualTo("strict_dynamic_mapping_exception");
    }

    @Test
    void writeWithAStaleSequenceNumberConflicts(TestNamespace namespace) throws IOException {
        String index = namespace.index("locking");
        IndexResponse first = client.index(request -> request.index(index).id("order-1").document(Map.of("state", "CREATED")));
        client.index(request -> request.index(index).id("order-1").document(Map.of("state", "APPROVED"))
            .ifSeqNo(first.seqNo()).ifPrimaryTerm(first.primaryTerm()));

        ElasticsearchException conflict = catchThrowableOfType(ElasticsearchException.class,
            () -> client.index(request -> request.index(index).id("order-1").document(Map.of("state", "LOST"))
                .ifSeqNo(first.seqNo()).ifPrimaryTerm(first.primaryTerm())));

        assertThat(conflict).isNotNull();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.error().type()).isEqualTo("version_conflict_engine_exception");
        Map<?, ?> stored = client.get(get -> get.index(index).id("order-1"), Map.class).source();
        assertThat(stored).isNotNull();
        assertThat(stored.get("state")).isEqualTo("APPROVED");
    }

    @Test
    void aliasSwitchesBetweenIndexVersionsInOneRequest(TestNamespace namespace) throws IOException {
        String alias = namespace.index("orders");
        String v1 = alias + "-v1";
        String v2 = alias + "-v2";
        client.indices().create(create -> create.index(v1).aliases(alias, a -> a));
        client.indices().create(create -> create.index(v2));
        client.index(request -> request.index(v1).id("1").document(Map.of("from", "v1")).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        client.index(request -> request.index(v2).id("1").document(Map.of("from", "v2")).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));

        client.indices().updateAliases(update -> update
            .actions(action -> action.remove(remove -> remove.index(v1).alias(alias)))
            .actions(action -> action.add(add -> add.index(v2).alias(alias))));

        assertThat(client.indices().getAlias(get -> get.name(alias)).aliases()).containsOnlyKeys(v2);
        SearchResponse<Map> hits = client.search(search -> search.index(alias), Map.class);
        assertThat(hits.hits().hits()).singleElement().satisfies(hit -> assertThat(hit.source()).containsEntry("from", "v2"));
    }
}
