package dev.panorama.loadgen;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes through the command APIs at a fixed cadence and measures, per view, the time from a command's
 * answer (its commit) to the first query API answer that shows it. The query carries the command's
 * consistency token, so the API answers as soon as the view reflects the write; a 409 (not yet, within
 * the API's bounded wait) is asked again, up to a cut-off.
 *
 * <p>The probe writes to aggregates of its own so that it measures no fan-out it did not cause: orders
 * from a few probe consumers at one probe restaurant (order-history, order-details, consumer-summary),
 * and renames of a second restaurant that has no orders (available-restaurants). Every run gets new ones.
 */
final class FreshnessProbe implements AutoCloseable {

    /** The views the probe reads, and which store holds each (the goals differ). */
    enum ProbedView {
        ORDER_HISTORY("order-history", true),
        ORDER_DETAILS("order-details", false),
        AVAILABLE_RESTAURANTS("available-restaurants", true),
        CONSUMER_SUMMARY("consumer-summary", false);

        private final String id;
        private final boolean elasticsearch;

        ProbedView(String id, boolean elasticsearch) {
            this.id = id;
            this.elasticsearch = elasticsearch;
        }

        String id() {
            return id;
        }

        boolean elasticsearch() {
            return elasticsearch;
        }
    }

    /**
     * One write seen (or not) through one view.
     *
     * @param committedAtSeconds when the command answered, in seconds since the run began
     * @param visibleAfterMillis commit → visible; NaN when the write was not visible by the cut-off
     */
    record Sample(ProbedView view, double committedAtSeconds, double visibleAfterMillis) {

        boolean visible() {
            return !Double.isNaN(visibleAfterMillis);
        }
    }

    /** Where the probe writes and reads, and with which key. */
    record Endpoints(URI queryApi, String readerKey, URI consumerService, URI restaurantService, URI orderService) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CUT_OFF = Duration.ofSeconds(30);
    private static final int CONSUMERS = 8;
    /** Renamed in turn: a rename still under way when the next tick comes does not meet its successor (409). */
    private static final int RENAMED_RESTAURANTS = 4;
    /** Views waited for per tick: the order's three and the rename's one. */
    private static final int WAITS_PER_TICK = 4;
    /**
     * Ticks are skipped (and counted) while the waits of this many seconds' ticks are open. Every open wait keeps
     * the query API checking, so an overloaded stack would otherwise be loaded further by its own measurement.
     */
    private static final int MAX_UNSEEN_SECONDS = 4;

    private final Endpoints endpoints;
    /**
     * Blocking HTTP/1.1 over pooled keep-alive connections, each exchange on a platform thread of its own: what the
     * probe times should be the stack's, not hand-offs inside its client (the JDK's client passes every exchange
     * between its selector thread and an executor, a virtual thread's socket read goes through the JDK's poller),
     * which on two busy cores wait for a core like everything else.
     */
    private final CloseableHttpClient http = CommandApi.blockingClient(Duration.ofSeconds(10));
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger failedCommands = new AtomicInteger();
    private final AtomicInteger openWaits = new AtomicInteger();
    private final AtomicInteger skippedTicks = new AtomicInteger();
    private final SplittableRandom random;
    private final long nonce = System.nanoTime();

    private final List<String> consumerIds = new ArrayList<>();
    private Map<String, Object> consumerAddress;
    private String orderedRestaurantId;
    private List<Map<String, Object>> menu;
    private final List<String> renamedRestaurantIds = new ArrayList<>();
    private final List<Map<?, ?>> renamedLocations = new ArrayList<>();

    FreshnessProbe(Endpoints endpoints, long seed) {
        this.endpoints = endpoints;
        this.random = new SplittableRandom(seed);
    }

    /** Creates this run's probe consumers and restaurants, and waits until the order service accepts orders for the restaurant. */
    void prepare() {
        Map<String, Object> ordered = FtgoData.restaurant(random);
        orderedRestaurantId = send("POST", endpoints.restaurantService(), "/restaurants", ordered).id();
        menu = FtgoData.menuOf(ordered);
        for (int i = 0; i < RENAMED_RESTAURANTS; i++) {
            Map<String, Object> renamed = FtgoData.restaurant(random);
            renamedRestaurantIds.add(send("POST", endpoints.restaurantService(), "/restaurants", renamed).id());
            renamedLocations.add((Map<?, ?>) renamed.get("location"));
        }
        for (int i = 0; i < CONSUMERS; i++) {
            Map<String, Object> consumer = FtgoData.consumer(random, "probe-" + Long.toUnsignedString(nonce, 36) + "-" + i);
            consumerIds.add(send("POST", endpoints.consumerService(), "/consumers", consumer).id());
            @SuppressWarnings("unchecked")
            Map<String, Object> address = (Map<String, Object>) consumer.get("address");
            consumerAddress = address;
        }
        // The order service learns menus from the restaurant's events: its first orders may meet 422 for a moment.
        long deadline = System.nanoTime() + CUT_OFF.toNanos();
        while (true) {
            try {
                send("POST", endpoints.orderService(), "/orders", order(consumerIds.getFirst()));
                return;
            } catch (Refused refused) {
                if (refused.status != 422 || System.nanoTime() > deadline) {
                    throw refused;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /**
     * Writes every {@code interval} for {@code duration} (an order and a restaurant rename each time), then
     * waits for the last writes to be seen or cut off.
     *
     * @param origin {@link System#nanoTime()} at the start of the run, the time axis of the samples
     */
    void run(Duration duration, Duration interval, long origin) {
        AtomicInteger tick = new AtomicInteger();
        long maxOpenWaits = Math.max(WAITS_PER_TICK, WAITS_PER_TICK * Duration.ofSeconds(MAX_UNSEEN_SECONDS).toNanos() / interval.toNanos());
        try (ExecutorService waits = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("probe-", 0).factory())) {
            try (ScheduledExecutorService cadence = Executors.newSingleThreadScheduledExecutor()) {
                cadence.scheduleAtFixedRate(() -> {
                    int index = tick.getAndIncrement();
                    if (openWaits.get() >= maxOpenWaits) {
                        skippedTicks.incrementAndGet();
                        return;
                    }
                    waits.execute(() -> placeOrder(index, origin));
                    waits.execute(() -> renameRestaurant(index, origin));
                }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
                cadence.awaitTermination(duration.toNanos(), TimeUnit.NANOSECONDS);
                cadence.shutdownNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Commands the services refused or did not answer (each is also among the failures). */
    int failedCommands() {
        return failedCommands.get();
    }

    /** Commands the probe sent, set-up included. */
    int commands() {
        return commands.get();
    }

    /** Ticks not taken because too many writes were still not visible: an overloaded stack. */
    int skippedTicks() {
        return skippedTicks.get();
    }

    private void placeOrder(int index, long origin) {
        String consumerId = consumerIds.get(index % consumerIds.size());
        Accepted order;
        try {
            order = send("POST", endpoints.orderService(), "/orders", order(consumerId));
        } catch (Refused refused) {
            failedCommands.incrementAndGet();
            failures.add("placing an order: " + refused.getMessage());
            return;
        }
        long committed = System.nanoTime();
        String token = "order:" + order.id() + ":" + order.version();
        Thread details = Thread.ofPlatform().daemon().start(() -> awaitVisible(ProbedView.ORDER_DETAILS, "/orders/" + order.id(), token, committed, origin));
        Thread summary = Thread.ofPlatform().daemon().start(() ->
            awaitVisible(ProbedView.CONSUMER_SUMMARY, "/consumers/" + consumerId + "/summary", token, committed, origin));
        awaitVisible(ProbedView.ORDER_HISTORY, "/order-history?size=1&consumerId=" + consumerId, token, committed, origin);
        try {
            details.join();
            summary.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void renameRestaurant(int index, long origin) {
        String restaurantId = renamedRestaurantIds.get(index % renamedRestaurantIds.size());
        Map<?, ?> location = renamedLocations.get(index % renamedLocations.size());
        Accepted renamed = null;
        for (int attempt = 1; renamed == null; attempt++) {
            try {
                renamed = send("PUT", endpoints.restaurantService(), "/restaurants/" + restaurantId + "/name",
                    Map.of("name", FtgoData.restaurantName(new SplittableRandom(nonce + index)) + " " + index));
            } catch (Refused refused) {
                // 409: the previous rename of this restaurant was still being committed; a client reads and retries.
                if (refused.status != 409 || attempt == 3) {
                    failedCommands.incrementAndGet();
                    failures.add("renaming a restaurant: " + refused.getMessage());
                    return;
                }
            }
        }
        long committed = System.nanoTime();
        String query = "/restaurants/available?size=1&radiusKm=1&lat=" + location.get("lat") + "&lon=" + location.get("lon");
        awaitVisible(ProbedView.AVAILABLE_RESTAURANTS, query, "restaurant:" + renamed.id() + ":" + renamed.version(), committed, origin);
    }

    /** Asks the query API with the token until it answers 200 (the view shows the write), or the cut-off passes. */
    private void awaitVisible(ProbedView view, String pathAndQuery, String token, long committed, long origin) {
        double committedAt = (committed - origin) / 1e9;
        openWaits.incrementAndGet();
        try {
            poll(view, endpoints.queryApi().resolve(pathAndQuery), token, committed, committedAt);
        } finally {
            openWaits.decrementAndGet();
        }
    }

    private void poll(ProbedView view, URI query, String token, long committed, double committedAt) {
        while (true) {
            Answer answer;
            try {
                HttpUriRequestBase request = new HttpUriRequestBase("GET", query);
                request.setHeader("X-Api-Key", endpoints.readerKey());
                request.setHeader("X-Consistency-Token", token);
                answer = exchange(request);
            } catch (IOException e) {
                answer = new Answer(0, e.toString());
            }
            long now = System.nanoTime();
            if (answer.status() == 200) {
                samples.add(new Sample(view, committedAt, (now - committed) / 1e6));
                return;
            }
            if (answer.status() != 409 || now - committed > CUT_OFF.toNanos()) {
                samples.add(new Sample(view, committedAt, Double.NaN));
                failures.add(view.id() + " " + token + ": "
                    + (answer.status() == 409 ? "not visible after " + CUT_OFF.toSeconds() + " s" : answer.status() + " " + answer.body()));
                return;
            }
        }
    }

    private Answer exchange(HttpUriRequestBase request) throws IOException {
        return http.execute(request, response -> new Answer(response.getCode(),
            response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    private record Answer(int status, String body) {
    }

    private Map<String, Object> order(String consumerId) {
        Map<String, Object> item = menu.get(ThreadLocalRandom.current().nextInt(menu.size()));
        return Map.of("consumerId", consumerId, "restaurantId", orderedRestaurantId,
            "lineItems", List.of(Map.of("menuItemId", item.get("menuItemId"), "quantity", 1)),
            "deliveryAddress", consumerAddress,
            "deliverAt", Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private record Accepted(String id, long version) {
    }

    private static final class Refused extends RuntimeException {

        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private Accepted send(String method, URI service, String path, Object body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, service.resolve(path));
        request.setHeader("Accept", "application/json");
        request.setEntity(new ByteArrayEntity(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        if (method.equals("POST")) {
            request.setHeader("Idempotency-Key", UUID.randomUUID().toString());
        }
        Answer response;
        try {
            response = exchange(request);
        } catch (IOException e) {
            throw new Refused(0, method + " " + path + ": " + e);
        }
        commands.incrementAndGet();
        if (response.status() != 200 && response.status() != 201) {
            throw new Refused(response.status(), String.format(Locale.ROOT, "%s %s → %d %s", method, path, response.status(), response.body()));
        }
        JsonNode answer = JSON.readTree(response.body());
        String id = answer.properties().stream().filter(field -> field.getKey().endsWith("Id")).map(field -> field.getValue().asString())
            .findFirst().orElseThrow(() -> new Refused(200, "no id in " + response.body()));
        return new Accepted(id, answer.get("version").asLong());
    }
}
