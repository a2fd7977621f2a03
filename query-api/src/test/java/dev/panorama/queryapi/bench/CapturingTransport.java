package dev.panorama.queryapi.bench;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * An Elasticsearch transport that remembers the last search it sent (method, path with query string,
 * JSON body) before passing it on: the API's own readers, driven through it, give the exact requests
 * the direct baseline then replays over plain HTTP.
 */
final class CapturingTransport implements ElasticsearchTransport {

    /** One request as it goes over the wire. */
    record Captured(String method, String pathAndQuery, String body) {
    }

    private final ElasticsearchTransport delegate;
    private volatile Captured last;

    CapturingTransport(ElasticsearchTransport delegate) {
        this.delegate = delegate;
    }

    /** The last {@code _search} sent, then forgotten. */
    Captured take() {
        Captured captured = last;
        last = null;
        if (captured == null) {
            throw new IllegalStateException("no search was sent");
        }
        return captured;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint,
                                                                  TransportOptions options) throws IOException {
        remember(request, endpoint);
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
                                                                                         Endpoint<RequestT, ResponseT, ErrorT> endpoint,
                                                                                         TransportOptions options) {
        remember(request, endpoint);
        return delegate.performRequestAsync(request, endpoint, options);
    }

    private <RequestT> void remember(RequestT request, Endpoint<RequestT, ?, ?> endpoint) {
        String path = endpoint.requestUrl(request);
        if (!path.endsWith("/_search")) {
            return;
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (Map.Entry<String, String> parameter : endpoint.queryParameters(request).entrySet()) {
            query.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue()));
        }
        Object body = endpoint.body(request);
        last = new Captured(endpoint.method(request), path + query, body == null ? "" : JsonpUtils.toJsonString(body, delegate.jsonpMapper()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public co.elastic.clients.json.JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
