package dev.panorama.views.adapter.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.StoredView;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An Elasticsearch view: one index (or alias), document id = view document id. Stored vectors come from
 * a real-time multi-get of {@code sourceVersions} only; writes are one bulk request, each operation
 * conditional: {@code create} for a new document, {@code if_seq_no}/{@code if_primary_term} otherwise.
 * A 409 on one item is a lost race for that document, not a failed batch.
 */
public final class ElasticsearchDocumentStore implements DocumentStore, StoredView {

    private static final int CONFLICT = 409;
    private static final int PAGE = 1000;
    private static final String SCROLL_KEEP_ALIVE = "1m";

    private final ElasticsearchClient client;
    private final String index;

    public ElasticsearchDocumentStore(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public Map<String, Stored> stored(Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try {
            MgetResponse<Map> response = client.mget(get -> get.index(index).ids(List.copyOf(ids)).sourceIncludes("sourceVersions"), Map.class);
            for (MultiGetResponseItem<Map> item : response.docs()) {
                if (item.isFailure()) {
                    throw new IllegalStateException("multi-get failed for " + item.failure().id() + ": " + item.failure().error().reason());
                }
                var result = item.result();
                if (result.found()) {
                    found.put(result.id(), new Stored(versions(result.source()), result.seqNo(), result.primaryTerm()));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + index + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Written write(List<Write> writes) {
        List<BulkOperation> operations = new ArrayList<>(writes.size());
        for (Write write : writes) {
            // The document's JSON as bytes, sent as they are: no map in between, no second serialisation by the client.
            BinaryData source = BinaryData.of(DocumentJson.toBytes(write.document()), ContentType.APPLICATION_JSON);
            String id = write.document().id();
            if (write.expected() == null) {
                operations.add(BulkOperation.of(op -> op.create(create -> create.index(index).id(id).document(source))));
            } else {
                operations.add(BulkOperation.of(op -> op.index(put -> put.index(index).id(id).document(source)
                    .ifSeqNo(write.expected().token()).ifPrimaryTerm(write.expected().term()))));
            }
        }
        try {
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            Set<String> conflicts = new HashSet<>();
            Map<String, Stored> written = new HashMap<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() == null) {
                    if (item.seqNo() != null && item.primaryTerm() != null) {
                        written.put(item.id(), new Stored(writes.get(i).document().sourceVersions(), item.seqNo(), item.primaryTerm()));
                    }
                    continue;
                }
                if (item.status() != CONFLICT) {
                    throw new IllegalStateException("writing " + item.id() + " to " + index + " failed: " + item.error().type() + ": "
                        + item.error().reason());
                }
                conflicts.add(item.id());
            }
            return new Written(conflicts, written);
        } catch (IOException e) {
            throw new UncheckedIOException("bulk write to " + index + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> documents(Collection<String> ids) {
        Map<String, String> found = new TreeMap<>();
        List<String> all = List.copyOf(ids);
        try {
            for (int from = 0; from < all.size(); from += PAGE) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + PAGE));
                for (MultiGetResponseItem<Map> item : client.mget(get -> get.index(index).ids(chunk).realtime(true), Map.class).docs()) {
                    if (item.isResult() && item.result().found()) {
                        found.put(item.result().id(), DocumentJson.toJson(item.result().source()));
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + index + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long count() {
        try {
            client.indices().refresh(refresh -> refresh.index(index));
            return client.count(count -> count.index(index)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("counting " + index + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachId(Consumer<String> action) {
        try {
            client.indices().refresh(refresh -> refresh.index(index));
            ResponseBody<Map> page = client.search(search -> search.index(index).size(PAGE).scroll(time -> time.time(SCROLL_KEEP_ALIVE))
                .source(source -> source.fetch(false)), Map.class);
            String scrollId = page.scrollId();
            try {
                while (!page.hits().hits().isEmpty()) {
                    page.hits().hits().stream().map(Hit::id).forEach(action);
                    String current = page.scrollId();
                    page = client.scroll(scroll -> scroll.scrollId(current).scroll(time -> time.time(SCROLL_KEEP_ALIVE)), Map.class);
                    scrollId = page.scrollId();
                }
            } finally {
                String last = scrollId;
                if (last != null) {
                    client.clearScroll(clear -> clear.scrollId(last));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + index + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> versions(Map<?, ?> source) {
        Map<String, Long> map = new HashMap<>();
        if (source != null && source.get("sourceVersions") instanceof Map<?, ?> versions) {
            versions.forEach((key, value) -> map.put(key.toString(), ((Number) value).longValue()));
        }
        return map;
    }
}
