package dev.panorama.queryapi.adapter.out.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.panorama.queryapi.application.StoreUnavailableException;

import java.io.IOException;

/** What the Elasticsearch adapters share: transport failures, server errors and a missing view as "store unavailable". */
final class ElasticsearchStores {

    interface Call<T> {
        T run() throws IOException;
    }

    private ElasticsearchStores() {
    }

    static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException | RuntimeException e) {
            // A 4xx other than "no such index or alias" is a request this API should not have built: a bug, not an outage.
            if (e instanceof ElasticsearchException failure && failure.status() < 500 && failure.status() != 404
                && !"index_not_found_exception".equals(type(failure))) {
                throw failure;
            }
            throw new StoreUnavailableException("Elasticsearch failed while " + what, e);
        }
    }

    private static String type(ElasticsearchException failure) {
        return failure.error() == null ? null : failure.error().type();
    }
}
