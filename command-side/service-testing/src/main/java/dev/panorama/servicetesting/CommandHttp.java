package dev.panorama.servicetesting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

/** A command service's HTTP API as its integration tests call it: JSON bodies, and the headers commands take. */
public final class CommandHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final IntSupplier port;

    /**
     * @param port the service's port, asked for at each request: a Spring test's {@code local.server.port} is
     *             injected after the fields that hold this client are initialised
     */
    public CommandHttp(IntSupplier port) {
        this.port = port;
    }

    /**
     * @param body          the JSON body, none when null
     * @param ifMatch       the {@code If-Match} header, none when null
     * @param correlationId the {@code X-Correlation-Id} header, none when null
     * @param headers       further headers as name, value pairs: {@code "Idempotency-Key", key}
     */
    public HttpResponse<String> send(String method, String path, String body, String ifMatch, String correlationId, String... headers)
        throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
