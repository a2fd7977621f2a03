package dev.panorama.viewbuilder.adapter.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.panorama.viewbuilder.adapter.DocumentJson;
import dev.panorama.viewbuilder.runtime.DocumentStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Elasticsearch view: one index (or alias), document id = view document id. Stored vectors come from
 * a real-time multi-get of {@code sourceVersions} only; writes are one bulk request, each operation
 * conditional: {@code create} for a new document, {@code if_seq_no}/{@code if_primary_term} otherwise.
 * A 409 on one item is a lost race for that document, not a failed batch.
 */
public final class ElasticsearchDocumentStore implements DocumentStore {

    private static final int CONFLICT = 409;

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
            Map<String, Object> source = DocumentJson.toMap(write.document());
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

    private static Map<String, Long> versions(Map<?, ?> source) {
        Map<String, Long> map = new HashMap<>();
        if (source != null && source.get("sourceVersions") instanceof Map<?, ?> versions) {
            versions.forEach((key, value) -> map.put(key.toString(), ((Number) value).longValue()));
        }
        return map;
    }
}
