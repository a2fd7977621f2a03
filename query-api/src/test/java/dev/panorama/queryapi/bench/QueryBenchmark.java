package dev.panorama.queryapi.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.panorama.devstack.Ports;
import dev.panorama.queryapi.QueryApiApplication;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchAvailableRestaurantsReader;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchOrderHistoryReader;
import dev.panorama.queryapi.adapter.out.elasticsearch.ElasticsearchViewVersions;
import dev.panorama.queryapi.application.OrderHistoryPage;
import dev.panorama.queryapi.application.OrderHistoryQuery;
import dev.panorama.queryapi.application.OrderSort;
import dev.panorama.queryapi.application.RestaurantQuery;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.TestKeys;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/**
 * Load on the query API against the devstack engines, with the stores themselves as the baseline in the
 * same run: for each main query, a closed-loop driver sends it to the API over HTTP, then sends the same
 * store request directly (the {@code _search} the API's reader builds, captured from the reader itself,
 * over plain HTTP; a MongoDB {@code find} by {@code _id} with the driver); then both sides again at one
 * fixed rate (open loop, a share of what the API served closed loop), so their latencies are compared at
 * the same offered load. Prints throughput, p50 and p99 per side and the ratio of the p99s, for each loop.
 * Run by {@code bench/query-benchmark.sh}.
 */
public final class QueryBenchmark {

    private static final long SEED = 20261126L;
    private static final int ORDERS = 20_000;
    private static final int CONSUMERS = 500;
    private static final int RESTAURANTS = 100;
    /** Distinct searches drawn per search scenario (order lookups draw from every order, summaries from every consumer). */
    private static final int SEARCHES = 300;
    private static final int PAGE = 20;
    private static final double RADIUS_KM = 5;
    private static final double GOAL = 2.0;
    /** The API JVM's options unless {@code -Dquery-benchmark.api-jvm} says otherwise: a fixed heap, the JVM's default collector. */
    private static final String API_JVM = "-Xms512m -Xmx512m -XX:+ExitOnOutOfMemoryError";
    /** Threads sending at a fixed rate: enough that one is free at each scheduled time unless a side falls behind. */
    private static final int SENDERS = 64;

    /** For what is not measured: readiness, setup, counts. */
    private static final HttpClient SETUP_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    /** For the measured requests, the API's and Elasticsearch's alike. */
    private static final BlockingHttp MEASURED = new BlockingHttp(SENDERS + 8);

    private QueryBenchmark() {
    }

    /**
     * One query: how the API is asked, how the store is asked directly, and how many distinct requests each draws from.
     * {@code rateOf} names the query whose open-loop rate it is sent at when that query ran first (its own otherwise).
     */
    private record Scenario(String name, String store, int choices, LoadDriver.Request api, LoadDriver.Request direct, char rateOf) {

        Scenario(String name, String store, int choices, LoadDriver.Request api, LoadDriver.Request direct) {
            this(name, store, choices, api, direct, name.charAt(1));
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Duration warmUp = Duration.ofSeconds(Math.max(3, seconds / 3));
        Duration measured = Duration.ofSeconds(seconds);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        long begin = System.nanoTime();
        QueryApiStack.prepare();
        System.out.printf(Locale.ROOT, "engines started, views created in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        BenchData data = BenchData.generate(SEED, ORDERS, CONSUMERS, RESTAURANTS);
        data.load();
        System.out.printf(Locale.ROOT, "data set loaded in %.1f s%n", (System.nanoTime() - begin) / 1e9);

        String elasticsearch = QueryApiStack.ENGINES.elasticsearch().httpUrl();
        String only = System.getProperty("query-benchmark.queries", "abcde");
        ForkedJvm api = startApi(elasticsearch);
        String base = api.base();
        ForkedJvm container = only.indexOf('g') >= 0 ? startBareTomcat() : null;

        Rest5Client rest = Rest5Client.builder(URI.create(elasticsearch)).build();
        CapturingTransport capture = new CapturingTransport(new Rest5ClientTransport(rest, new JacksonJsonpMapper()));
        ElasticsearchClient client = new ElasticsearchClient(capture);
        ElasticsearchViewVersions versions = new ElasticsearchViewVersions(client, Duration.ofMinutes(5));
        var history = new ElasticsearchOrderHistoryReader(client, QueryApiStack.alias("order-history"), versions);
        var available = new ElasticsearchAvailableRestaurantsReader(client, QueryApiStack.alias("available-restaurants"), versions);

        Random random = new Random(SEED + 1);
        Scenario orderDetails = orderDetails(data, base);
        List<Scenario> scenarios = new ArrayList<>(List.of(
            firstPages(data, random, base, elasticsearch, history, capture),
            secondPages(data, random, base, elasticsearch, history, capture),
            orderDetails,
            restaurants(data, random, base, elasticsearch, available, capture),
            consumerSummaries(data, base),
            floor(orderDetails, base)));
        if (container != null) {
            scenarios.add(container(orderDetails, container.base()));
        }
        System.out.printf(Locale.ROOT, "set up (engines, data, API, captured searches) in %.1f s%n", (System.nanoTime() - begin) / 1e9);

        LoadDriver driver = new LoadDriver(concurrency, warmUp, measured, SEED + 2);
        // The API's JVM is fresh: every query once through it first (not counted), so the first query measured is not
        // also the one that pays for the JIT compiling the shared request path.
        LoadDriver apiWarmUp = new LoadDriver(concurrency, Duration.ZERO, warmUp, SEED + 3);
        for (Scenario scenario : scenarios) {
            apiWarmUp.run("api-warm-up", scenario.choices(), scenario.api());
        }
        List<String> rows = new ArrayList<>();
        List<String> openRows = new ArrayList<>();
        double share = Double.parseDouble(System.getProperty("query-benchmark.open-loop-share", "0.5"));
        long errors = 0;
        List<String> errorNotes = new ArrayList<>();
        Map<Character, Double> rates = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            if (only.indexOf(scenario.name().charAt(1)) < 0) {
                continue;
            }
            LoadDriver.Result viaApi = driver.run("api", scenario.choices(), scenario.api());
            LoadDriver.Result direct = driver.run("direct", scenario.choices(), scenario.direct());
            double ratio = Math.round(viaApi.p99Millis() / direct.p99Millis() * 100) / 100.0;
            rows.add(row(scenario.name(), "API", viaApi, String.format(Locale.ROOT, "%.2f× %s", ratio, ratio <= GOAL ? "ok" : "MISSED")));
            rows.add(row("", scenario.store(), direct, ""));
            // Both sides at the same offered load: a share of what the API served closed loop.
            double rate = rates.getOrDefault(scenario.rateOf(), (double) Math.max(1, Math.round(viaApi.throughput() * share)));
            rates.put(scenario.name().charAt(1), rate);
            LoadDriver.Result apiAtRate = driver.runAtRate("api-rate", scenario.choices(), scenario.api(), rate, SENDERS);
            LoadDriver.Result directAtRate = driver.runAtRate("direct-rate", scenario.choices(), scenario.direct(), rate, SENDERS);
            double openRatio = Math.round(apiAtRate.p99Millis() / directAtRate.p99Millis() * 100) / 100.0;
            openRows.add(row(scenario.name(), "API @" + (long) rate, apiAtRate,
                String.format(Locale.ROOT, "%.2f× %s", openRatio, openRatio <= GOAL ? "ok" : "MISSED")));
            openRows.add(row("", scenario.store(), directAtRate, ""));
            for (var side : List.of(Map.entry("API", viaApi), Map.entry("direct", direct), Map.entry("API at a rate", apiAtRate),
                Map.entry("direct at a rate", directAtRate))) {
                LoadDriver.Result result = side.getValue();
                errors += result.errors() + result.warmUpErrors();
                if (result.firstError() != null) {
                    errorNotes.add(scenario.name() + ", " + side.getKey() + ": " + result.firstError());
                }
            }
            System.out.printf(Locale.ROOT, "measured %s%n", scenario.name());
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        System.out.println();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s %s, JDK %s (%s), load average %.1f before / %.1f after%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
            System.getProperty("os.arch"), Runtime.version(), System.getProperty("java.vm.name"), loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "engines: %s%n", String.join("; ", QueryApiStack.ENGINES.describeStarted()));
        System.out.printf(Locale.ROOT, "data set: %d orders (order-history: %d documents, order-details: %d), %d consumers (%d summaries), "
                + "%d restaurants (%d documents, %d open periods), positions of %d partitions%n",
            data.orders.size(), count(elasticsearch, QueryApiStack.alias("order-history")), BenchData.mongo("order_details_v1").countDocuments(),
            data.consumers.size(), BenchData.mongo("consumer_summary_v1").countDocuments(), data.restaurants.size(),
            count(elasticsearch, QueryApiStack.alias("available-restaurants")), data.openPeriods(),
            QueryApiStack.AGGREGATE_TYPES.size() * QueryApiStack.PARTITIONS);
        System.out.printf(Locale.ROOT, "load: closed loop, %d threads, then open loop at %.0f %% of the API's closed-loop req/s (%d senders); "
            + "%d s warm-up then %d s measured per query, side and loop; API over HTTP/1.1 with an API key, direct = the same store request "
            + "without the API%n", concurrency, share * 100, SENDERS, warmUp.toSeconds(), seconds);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-46s | %-10s | %8s | %8s | %8s | %6s | %s%n", "query", "side", "req/s", "p50 ms", "p99 ms", "errors",
            "p99 API/direct (goal ≤ 2×)");
        System.out.println("-".repeat(46) + "-+-" + "-".repeat(10) + "-+-" + "-".repeat(8) + "-+-" + "-".repeat(8) + "-+-" + "-".repeat(8)
            + "-+-" + "-".repeat(6) + "-+-" + "-".repeat(26));
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nopen loop: both sides at the same fixed rate (%.0f %% of the API's closed-loop req/s), latency from each "
            + "request's scheduled start%n", share * 100);
        openRows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nerrors: %d (warm-up included)%n", errors);
        errorNotes.forEach(note -> System.out.println("  first error: " + note));
        api.close();
        if (container != null) {
            container.close();
        }
        rest.close();
        MEASURED.close();
        System.exit(errors == 0 ? 0 : 2);
    }

    private static String row(String query, String side, LoadDriver.Result result, String ratio) {
        return String.format(Locale.ROOT, "%-46s | %-10s | %8.0f | %8.2f | %8.2f | %6d | %s", query, side, result.throughput(),
            result.p50Millis(), result.p99Millis(), result.errors() + result.warmUpErrors(), ratio);
    }

    /**
     * The API as it runs in production: a JVM of its own (caches and lag polling at their defaults), with one
     * reader key, on a free port, so that its garbage collections pause the API alone and not the load driver
     * or the MongoDB server beside it. {@code -Dquery-benchmark.api-jvm} (the script's {@code API_JAVA_OPTS}) sets that JVM's options.
     */
    private static ForkedJvm startApi(String elasticsearch) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", Ports.freePort());
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.kafka.bootstrap-servers", QueryApiStack.ENGINES.kafka().bootstrapServers());
        properties.put("spring.mongodb.uri", QueryApiStack.ENGINES.mongo().connectionString());
        properties.put("spring.elasticsearch.uris", elasticsearch);
        properties.put("panorama.query-api.database", QueryApiStack.DATABASE);
        properties.put("panorama.query-api.name-prefix", QueryApiStack.NAME_PREFIX);
        properties.put("panorama.query-api.topic-prefix", QueryApiStack.TOPIC_PREFIX);
        properties.put("panorama.query-api.group-id", QueryApiStack.GROUP);
        properties.put("panorama.query-api.security.api-keys[0].name", "bench-reader");
        properties.put("panorama.query-api.security.api-keys[0].sha256", TestKeys.sha256(TestKeys.READER));
        properties.put("panorama.query-api.security.api-keys[0].roles[0]", "reader");
        List<String> arguments = new ArrayList<>();
        // As command-line arguments: they take precedence over application.yml.
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        String base = "http://127.0.0.1:" + properties.get("server.port");
        return startJvm("the query API", "api", QueryApiApplication.class, arguments, base, () -> answers(base + "/actuator/health/readiness", 200));
    }

    /** The servlet container alone ({@link BareTomcat}), in a JVM with the API's options, for query (g). */
    private static ForkedJvm startBareTomcat() throws Exception {
        int port = Ports.freePort();
        String base = "http://127.0.0.1:" + port;
        return startJvm("the servlet container alone", "container", BareTomcat.class, List.of(Integer.toString(port)), base,
            () -> answers(base + "/ready", 400));
    }

    private static ForkedJvm startJvm(String what, String logName, Class<?> main, List<String> arguments, String base,
                                      Callable<Boolean> ready) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("query-benchmark.api-jvm", API_JVM).trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        Path log = Path.of("query-api", "target", "query-benchmark-" + logName + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A failed or interrupted benchmark must not leave it running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> !process.isAlive() || ready.call());
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " was not ready after 2 min; its output is in " + log.toAbsolutePath());
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(what + " exited with " + process.exitValue() + "; its output is in " + log.toAbsolutePath());
        }
        System.out.printf(Locale.ROOT, "%s started in a JVM of its own (%s) in %.1f s%n", what, String.join(" ", command.subList(1,
            command.indexOf("-cp"))), (System.nanoTime() - start) / 1e9);
        return new ForkedJvm(process, base);
    }

    /** A forked JVM serving HTTP: its process and base URL; closing stops it. */
    private record ForkedJvm(Process process, String base) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean answers(String url, int status) {
        try {
            return SETUP_CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == status;
        } catch (Exception notYet) {
            return false;
        }
    }

    // --- the five queries, and the floor --------------------------------------------------------------------------------

    /** (a) A consumer's orders matching a word of a restaurant or dish they ordered, newest first, first page of 20. */
    private static Scenario firstPages(BenchData data, Random random, String base, String elasticsearch,
                                       ElasticsearchOrderHistoryReader reader, CapturingTransport capture) {
        List<String> paths = new ArrayList<>();
        List<CapturingTransport.Captured> searches = new ArrayList<>();
        List<String> consumers = new ArrayList<>(data.wordsByConsumer.keySet());
        for (int i = 0; i < SEARCHES; i++) {
            String consumer = consumers.get(random.nextInt(consumers.size()));
            List<String> words = new ArrayList<>(data.wordsByConsumer.get(consumer).keySet());
            String word = words.get(random.nextInt(words.size()));
            paths.add(historyPath(word, consumer, null));
            reader.search(historyQuery(word, consumer, null));
            searches.add(capture.take());
        }
        return new Scenario("(a) order-history search, page 1 of 20", "ES direct", SEARCHES,
            index -> api(base, paths.get(index), "\"items\":[{"),
            index -> search(elasticsearch, searches.get(index)));
    }

    /** (b) The second page of such a search (one that finds more than 20 orders), through the cursor of the first. */
    private static Scenario secondPages(BenchData data, Random random, String base, String elasticsearch,
                                        ElasticsearchOrderHistoryReader reader, CapturingTransport capture) throws Exception {
        List<Map.Entry<String, String>> candidates = new ArrayList<>();
        data.wordsByConsumer.forEach((consumer, words) -> words.forEach((word, orders) -> {
            if (orders > PAGE) {
                candidates.add(Map.entry(consumer, word));
            }
        }));
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no search of the data set has a second page");
        }
        List<String> paths = new ArrayList<>();
        List<CapturingTransport.Captured> searches = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            Map.Entry<String, String> candidate = candidates.get(random.nextInt(candidates.size()));
            JsonNode first = Http.JSON.readTree(get(base + historyPath(candidate.getValue(), candidate.getKey(), null)).body());
            String cursor = first.get("nextCursor").asString();
            paths.add(historyPath(candidate.getValue(), candidate.getKey(), cursor));
            OrderHistoryPage page = reader.search(historyQuery(candidate.getValue(), candidate.getKey(), null)).value();
            reader.search(historyQuery(candidate.getValue(), candidate.getKey(), page.next()));
            searches.add(capture.take());
        }
        return new Scenario("(b) order-history search, page 2 via cursor", "ES direct", SEARCHES,
            index -> api(base, paths.get(index), "\"items\":[{"),
            index -> search(elasticsearch, searches.get(index)));
    }

    /** (c) One order by id, any of them. */
    private static Scenario orderDetails(BenchData data, String base) {
        List<String> ids = data.orders.stream().map(order -> order.orderId()).toList();
        MongoCollection<Document> collection = BenchData.mongo("order_details_v1");
        return new Scenario("(c) order details by id", "Mongo find", ids.size(),
            index -> api(base, "/orders/" + ids.get(index), "\"orderId\":\"" + ids.get(index) + "\""),
            index -> found(collection, ids.get(index)));
    }

    /**
     * (f) The API's floor: a request it refuses before reading any store (an order id that is no UUID: 400), against the
     * same MongoDB {@code find} as (c). What HTTP, authentication, the web framework and a JSON answer cost alone.
     */
    private static Scenario floor(Scenario orderDetails, String base) {
        return new Scenario("(f) the API's floor: refused before any store", orderDetails.store(), orderDetails.choices(),
            index -> MEASURED.send("GET", base + "/orders/not-an-id-" + index, Map.of("X-Api-Key", TestKeys.READER), null).status() == 400,
            orderDetails.direct());
    }

    /**
     * (g) The servlet container alone: the same refused request as (f), answered by {@link BareTomcat} (no Spring, no
     * authentication), against the same MongoDB {@code find} as (c), at (f)'s open-loop rate when (f) ran first. What part of
     * the floor any API on this container pays here. Only when asked for ({@code g}).
     */
    private static Scenario container(Scenario orderDetails, String base) {
        return new Scenario("(g) the servlet container alone, no Spring", orderDetails.store(), orderDetails.choices(),
            index -> MEASURED.send("GET", base + "/orders/not-an-id-" + index, Map.of("X-Api-Key", TestKeys.READER), null).status() == 400,
            orderDetails.direct(), 'f');
    }

    /** (d) Restaurants within 5 km of a point near one of them, open at a time it is open, serving a dish named with a word of its menu. */
    private static Scenario restaurants(BenchData data, Random random, String base, String elasticsearch,
                                        ElasticsearchAvailableRestaurantsReader reader, CapturingTransport capture) {
        List<String> paths = new ArrayList<>();
        List<CapturingTransport.Captured> searches = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            BenchData.Restaurant restaurant = data.restaurants.get(random.nextInt(data.restaurants.size()));
            BenchData.Period period = restaurant.periods().get(random.nextInt(restaurant.periods().size()));
            int minute = period.fromMinute() + random.nextInt(period.toMinute() - period.fromMinute());
            LocalDateTime at = BenchData.WEEK.plusDays(period.day().getValue() - 1).plusMinutes(minute);
            String lat = degrees(restaurant.lat() + (random.nextDouble() - 0.5) * 0.02);
            String lon = degrees(restaurant.lon() + (random.nextDouble() - 0.5) * 0.02);
            List<String> words = BenchData.words(restaurant.dishes().get(random.nextInt(restaurant.dishes().size())));
            String word = words.get(random.nextInt(words.size()));
            paths.add("/restaurants/available" + query(Map.of("lat", lat, "lon", lon, "radiusKm", "5", "at", at.toString(), "q", word)));
            reader.search(new RestaurantQuery(Double.parseDouble(lat), Double.parseDouble(lon), RADIUS_KM, at.getDayOfWeek(),
                at.getHour() * 60 + at.getMinute(), word, PAGE));
            searches.add(capture.take());
        }
        return new Scenario("(d) available restaurants near, open, keyword", "ES direct", SEARCHES,
            index -> api(base, paths.get(index), "\"items\":[{"),
            index -> search(elasticsearch, searches.get(index)));
    }

    /** (e) One consumer's summary by id, any of them. */
    private static Scenario consumerSummaries(BenchData data, String base) {
        List<String> ids = data.consumers.stream().map(BenchData.Consumer::id).toList();
        MongoCollection<Document> collection = BenchData.mongo("consumer_summary_v1");
        return new Scenario("(e) consumer summary by id", "Mongo find", ids.size(),
            index -> api(base, "/consumers/" + ids.get(index) + "/summary", "\"consumerId\":\"" + ids.get(index) + "\""),
            index -> found(collection, ids.get(index)));
    }

    // --- requests and their checks --------------------------------------------------------------------------------------

    private static String historyPath(String word, String consumer, String cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", word);
        parameters.put("consumerId", consumer);
        parameters.put("sort", OrderSort.CREATED_AT_DESC.wire());
        parameters.put("size", Integer.toString(PAGE));
        if (cursor != null) {
            parameters.put("cursor", cursor);
        }
        return "/order-history" + query(parameters);
    }

    private static OrderHistoryQuery historyQuery(String word, String consumer, OrderHistoryQuery.SortKey after) {
        return new OrderHistoryQuery(word, UUID.fromString(consumer), null, null, null, null, OrderSort.CREATED_AT_DESC, PAGE, after);
    }

    private static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> query.add(Http.encode(name) + "=" + Http.encode(value)));
        return query.toString();
    }

    private static String degrees(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP).toPlainString();
    }

    /** A 200 from the API whose body holds what the query must find (a first item, the requested id). */
    private static boolean api(String base, String path, String mustContain) throws Exception {
        BlockingHttp.Response response = MEASURED.send("GET", base + path, Map.of("X-Api-Key", TestKeys.READER), null);
        return response.status() == 200 && response.body().contains(mustContain);
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        HttpResponse<String> response = SETUP_CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).header("X-Api-Key", TestKeys.READER).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** The captured search, sent as the API's client sends it; a 200 with at least one hit. */
    private static boolean search(String elasticsearch, CapturingTransport.Captured search) throws Exception {
        BlockingHttp.Response response = MEASURED.send(search.method(), elasticsearch + search.pathAndQuery(), Map.of(), search.body());
        return response.status() == 200 && response.body().contains("\"hits\":[{");
    }

    private static boolean found(MongoCollection<Document> collection, String id) {
        Document document = collection.find(Filters.eq("_id", id)).first();
        return document != null && id.equals(document.getString("_id"));
    }

    private static long count(String elasticsearch, String alias) throws Exception {
        HttpResponse<String> response = SETUP_CLIENT.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + alias + "/_count")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        return Http.JSON.readTree(response.body()).get("count").asLong();
    }
}
