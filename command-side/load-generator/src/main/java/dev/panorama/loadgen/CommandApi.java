package dev.panorama.loadgen;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one command to a service over HTTP and reads the {@code {…Id, version}} answer. Transport errors
 * and overload answers (429, 502, 503, 504) are retried with back-off; a create is retried with the same
 * {@code Idempotency-Key}, so a retry after a lost response cannot create twice.
 *
 * <p>Blocking HTTP/1.1 over pooled keep-alive connections, each exchange on its journey's own thread: the
 * generator shares the machine with what it measures, and the JDK's client, which hands every exchange
 * between its selector thread and an executor, cost it half as much CPU again per command.
 */
final class CommandApi {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final int ATTEMPTS = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** At most as many connections per service as journeys in flight ({@link LoadOptions} caps those). */
    private static final int MAX_CONNECTIONS = 1_000;

    private final CloseableHttpClient http;
    private final Map<String, URI> services;
    private final Pacer pacer;
    private final RunStats stats;

    CommandApi(Map<String, URI> services, Pacer pacer, RunStats stats, Duration timeout) {
        this.http = blockingClient(timeout);
        this.services = Map.copyOf(services);
        this.pacer = pacer;
        this.stats = stats;
    }

    /**
     * A blocking HTTP/1.1 client over pooled keep-alive connections, each exchange on its caller's thread, with
     * {@code timeout} for connecting, reading and answering and no retries of its own. Also the freshness probe's.
     */
    static CloseableHttpClient blockingClient(Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        return HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
            .disableAutomaticRetries()
            .build();
    }

    /** A command's successful answer: the aggregate id and its new version (the consistency token). */
    record Accepted(String id, long version) {
    }

    /** The service refused the command, or it could not be delivered after the retries. */
    static final class Refused extends RuntimeException {

        private final int status;
        private final String why;

        Refused(int status, String message, String why) {
            super(message);
            this.status = status;
            this.why = why;
        }

        int status() {
            return status;
        }

        /** The request and its outcome, as counted among the run's failures. */
        String why() {
            return why;
        }
    }

    Accepted create(Command command, String path, Object body, String idempotencyKey, String idField) {
        return send(command, "POST", path, body, Map.of("Idempotency-Key", idempotencyKey), idField, true);
    }

    /**
     * As {@link #create}, but a refusal is not counted as a failure here: the caller may try again (an order for a
     * restaurant whose menu is still on its way to the order service) and counts {@link Refused#why()} when it gives up.
     */
    Accepted createUncounted(Command command, String path, Object body, String idempotencyKey, String idField) {
        return send(command, "POST", path, body, Map.of("Idempotency-Key", idempotencyKey), idField, false);
    }

    Accepted post(Command command, String path, Object body, String idField) {
        return send(command, "POST", path, body, Map.of(), idField, true);
    }

    Accepted put(Command command, String path, Object body, String idField) {
        return send(command, "PUT", path, body, Map.of(), idField, true);
    }

    private Accepted send(Command command, String method, String path, Object body, Map<String, String> headers, String idField,
                          boolean countRefusal) {
        URI uri = uri(command, path);
        byte[] json = body == null ? null : JSON.writeValueAsBytes(body);
        long backoffMillis = 100;
        for (int attempt = 1; ; attempt++) {
            pacer.acquire();
            long start = System.nanoTime();
            String problem;
            int status = 0;
            try {
                Answer response = http.execute(request(method, uri, json, headers),
                    answer -> new Answer(answer.getCode(), answer.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(answer.getEntity())));
                status = response.status();
                if (status == 200 || status == 201) {
                    stats.succeeded(command, System.nanoTime() - start);
                    return accepted(response.body(), idField);
                }
                problem = status + " " + detail(response.body());
                if (!RETRYABLE.contains(status)) {
                    throw refused(command, status, problem, method + " " + path + " → " + problem, countRefusal);
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt == ATTEMPTS) {
                throw refused(command, status, problem, method + " " + path + " → " + problem + " (after " + ATTEMPTS + " attempts)", countRefusal);
            }
            stats.retried();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
            backoffMillis = Math.min(backoffMillis * 2, 3_000);
        }
    }

    private Refused refused(Command command, int status, String problem, String why, boolean count) {
        if (count) {
            stats.failed(command, why);
        }
        return new Refused(status, problem, why);
    }

    /** Answers whether a refusal was a 422 — a rule the command broke, possibly only for now. */
    static boolean ruleViolation(Refused refused) {
        return refused.status() == 422;
    }

    private record Answer(int status, byte[] body) {
    }

    private URI uri(Command command, String path) {
        URI base = services.get(command.service());
        if (base == null) {
            throw new IllegalStateException("no address for " + command.service());
        }
        return base.resolve(path);
    }

    /** A new request per attempt: a classic request is not sent twice. */
    private static HttpUriRequestBase request(String method, URI uri, byte[] json, Map<String, String> headers) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        request.setHeader("Accept", "application/json");
        headers.forEach(request::setHeader);
        if (json != null) {
            request.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        }
        return request;
    }

    private static Accepted accepted(byte[] body, String idField) {
        JsonNode answer = JSON.readTree(body);
        JsonNode id = answer.get(idField);
        JsonNode version = answer.get("version");
        if (id == null || version == null) {
            String problem = "the answer has no " + idField + " and version: " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
            throw new Refused(200, problem, problem);
        }
        return new Accepted(id.asString(), version.asLong());
    }

    private static String detail(byte[] body) {
        try {
            JsonNode problem = JSON.readTree(body);
            JsonNode detail = problem.get("detail");
            JsonNode title = problem.get("title");
            return detail != null ? detail.asString() : title != null ? title.asString() : "";
        } catch (RuntimeException notJson) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
