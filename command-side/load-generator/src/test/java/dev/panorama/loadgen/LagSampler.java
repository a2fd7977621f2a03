package dev.panorama.loadgen;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads the query API's {@code /lag} every second while a freshness run goes on: what the platform says
 * about its own lag, to set beside what the probe measures.
 */
final class LagSampler implements AutoCloseable {

    /** One view's line of one {@code /lag} answer. */
    record Reading(double atSeconds, String view, long messageLag, long timeLagMillis, long heartbeatP50Millis, long heartbeatP99Millis) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest request;
    private final ConcurrentLinkedQueue<Reading> readings = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
    private final long origin;

    /**
     * @param origin {@link System#nanoTime()} at the start of the run, the time axis of the readings
     */
    LagSampler(URI queryApi, String operatorKey, long origin) {
        this.request = HttpRequest.newBuilder(queryApi.resolve("/lag")).timeout(Duration.ofSeconds(5)).header("X-Api-Key", operatorKey).GET().build();
        this.origin = origin;
    }

    LagSampler start() {
        schedule.scheduleAtFixedRate(() -> read().forEach(readings::add), 0, 1, TimeUnit.SECONDS);
        return this;
    }

    List<Reading> readings() {
        return List.copyOf(readings);
    }

    /** The current message lag per view (empty when the API did not answer). */
    Map<String, Long> messageLagNow() {
        return read().stream().collect(Collectors.toMap(Reading::view, Reading::messageLag));
    }

    private List<Reading> read() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double at = (System.nanoTime() - origin) / 1e9;
            if (response.statusCode() != 200) {
                return List.of();
            }
            JsonNode views = JSON.readTree(response.body()).get("views");
            return views.valueStream().map(view -> new Reading(at, view.get("view").asString(), view.get("messageLag").asLong(),
                view.get("timeLagMillis").asLong(), view.get("heartbeat").get("p50Millis").asLong(0), view.get("heartbeat").get("p99Millis").asLong(0)))
                .toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a missed reading, not the end of the sampling
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
