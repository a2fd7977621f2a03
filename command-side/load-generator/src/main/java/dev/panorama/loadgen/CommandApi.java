package dev.panorama.loadgen;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one command to a service over HTTP and reads the {@code {…Id, version}} answer. Transport errors
 * and overload answers (429, 502, 503, 504) are retried with back-off; a create is retried with the same
 * {@code Idempotency-Key}, so a retry after a lost response cannot create twice.
 */
final class CommandApi {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final int ATTEMPTS = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Map<String, URI> services;
    private final Pacer pacer;
    private final RunStats stats;
    private final Duration timeout;

    CommandApi(Map<String, URI> services, Pacer pacer, RunStats stats, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.services = Map.copyOf(services);
        this.pacer = pacer;
        this.stats = stats;
        this.timeout = timeout;
    }

    /** A command's successful answer: the aggregate id and its new version (the consistency token). */
    record Accepted(String id, long version) {
    }

    /** The service refused the command, or it could not be delivered after the retries. */
    static final class Refused extends RuntimeException {

        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    Accepted create(Command command, String path, Object body, String idempotencyKey, String idField) {
        return send(command, "POST", path, body, Map.of("Idempotency-Key", idempotencyKey), idField);
    }

    Accepted post(Command command, String path, Object body, String idField) {
        return send(command, "POST", path, body, Map.of(), idField);
    }

    Accepted put(Command command, String path, Object body, String idField) {
        return send(command, "PUT", path, body, Map.of(), idField);
    }

    private Accepted send(Command command, String method, String path, Object body, Map<String, String> headers, String idField) {
        HttpRequest request = request(command, method, path, body, headers);
        long backoffMillis = 100;
        for (int attempt = 1; ; attempt++) {
            pacer.acquire();
            long start = System.nanoTime();
            String problem;
            int status = 0;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                if (status == 200 || status == 201) {
                    stats.succeeded(command, System.nanoTime() - start);
                    return accepted(response.body(), idField);
                }
                problem = status + " " + detail(response.body());
                if (!RETRYABLE.contains(status)) {
                    stats.failed(command, method + " " + path + " → " + problem);
                    throw new Refused(status, problem);
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused(0, "interrupted");
            }
            if (attempt == ATTEMPTS) {
                stats.failed(command, method + " " + path + " → " + problem + " (after " + ATTEMPTS + " attempts)");
                throw new Refused(status, problem);
            }
            stats.retried();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
            backoffMillis = Math.min(backoffMillis * 2, 3_000);
        }
    }

    /** Answers whether a refusal was a 422 — a rule the command broke, possibly only for now. */
    static boolean ruleViolation(Refused refused) {
        return refused.status() == 422;
    }

    private HttpRequest request(Command command, String method, String path, Object body, Map<String, String> headers) {
        URI base = services.get(command.service());
        if (base == null) {
            throw new IllegalStateException("no address for " + command.service());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
            .header("Accept", "application/json");
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return builder.build();
    }

    private static Accepted accepted(byte[] body, String idField) {
        JsonNode answer = JSON.readTree(body);
        JsonNode id = answer.get(idField);
        JsonNode version = answer.get("version");
        if (id == null || version == null) {
            throw new Refused(200, "the answer has no " + idField + " and version: " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
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
