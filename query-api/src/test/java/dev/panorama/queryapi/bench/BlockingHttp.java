package dev.panorama.queryapi.bench;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The benchmark's HTTP client for measured requests, to the API and to Elasticsearch alike: blocking
 * HTTP/1.1 over pooled keep-alive connections, each request on its sender's thread from start to end,
 * as the MongoDB driver's {@code find} is. (The JDK's client hands every exchange between its selector
 * thread and an executor: on two busy cores those hand-offs showed in the tail of every HTTP side.)
 */
final class BlockingHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final CloseableHttpClient client;

    /** @param connections at least the number of threads that send at once */
    BlockingHttp(int connections) {
        this.client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                    .setSocketTimeout(Timeout.ofSeconds(30)).build())
                .build())
            .disableAutomaticRetries()
            .build();
    }

    Response send(String method, String uri, Map<String, String> headers, String jsonBody) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(uri));
        headers.forEach(request::setHeader);
        if (jsonBody != null) {
            request.setEntity(new StringEntity(jsonBody, ContentType.APPLICATION_JSON));
        }
        return client.execute(request, response -> new Response(response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
