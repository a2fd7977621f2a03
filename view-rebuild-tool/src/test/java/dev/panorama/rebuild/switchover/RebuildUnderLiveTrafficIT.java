package dev.panorama.rebuild.switchover;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.RealEngines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.rebuild.switchover.RebuildStack.ToolRun;
import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.projection.OrderHistoryProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole rebuild against the real engines: a live view builder (its own JVM, from its jar) keeps
 * order-history v1 current while events keep arriving; the tool builds v2 from the archive, switches the
 * alias, and a client hammering the query API (its own JVM, from its jar) throughout gets no error. Afterwards v2 equals the oracle's fold
 * of every event, v1 is still current for a rollback, the rollback works, and the consistency checker
 * passes — until a document is corrupted on purpose, which it then names.
 */
@RealEngines
class RebuildUnderLiveTrafficIT {

    @TempDir
    Path archive;

    @Test
    void buildsV2UnderTrafficSwitchesWithoutAReaderErrorAndEqualsTheOracle(Engines engines, TestNamespace namespace) throws Exception {
        List<DomainEvent> story = FtgoStory.generate(31, 120, 12, 1_200);
        int firstPart = story.size() / 2;
        try (RebuildStack stack = new RebuildStack(engines, namespace, "", archive)) {
            stack.publish(story.subList(0, firstPart));
            stack.startArchiver();
            stack.startLiveBuilder("live");
            String queryApi = stack.startQueryApi();
            stack.awaitLiveCaughtUp(Duration.ofMinutes(2));

            AtomicBoolean running = new AtomicBoolean(true);
            Thread traffic = Thread.ofPlatform().name("traffic").start(() -> {
                // Some 200 events/s: the traffic goes on through the whole rebuild.
                for (int from = firstPart; from < story.size(); from += 20) {
                    stack.publish(story.subList(from, Math.min(story.size(), from + 20)));
                    pause(100);
                }
            });
            Readers readers = new Readers(queryApi, running);
            Thread reading = Thread.ofPlatform().name("readers").start(readers);

            ToolRun rebuild = stack.tool("rebuild", "order-history", "--to-version", "2", "--archive-dir", archive.toString(),
                "--handover-wait", "30s", "--archive-wait", "60s", "--sample", "400", "--batch", "200");
            System.out.println("[rebuild] " + rebuild);
            assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
            assertThat(rebuild.out()).contains("switched: readers of order-history now see v2");

            traffic.join(Duration.ofMinutes(2));
            stack.awaitLiveCaughtUp(Duration.ofMinutes(2));
            // The query API resolves the alias's version through a short cache: readers go on until it answers from v2.
            await().atMost(Duration.ofSeconds(30)).until(() -> readers.versions.containsKey(2));
            running.set(false);
            reading.join(Duration.ofSeconds(10));
            System.out.printf("[rebuild] %d events, query API readers: %d requests, %d errors, answers by view version %s%n", story.size(),
                readers.searches.get(), readers.errors.get(), readers.versions);
            assertThat(readers.errors.get()).as("query API errors during the rebuild and switch; first: %s", readers.firstError.get()).isZero();
            assertThat(readers.searches.get()).isPositive();
            assertThat(readers.versions.keySet()).as("readers were answered by v1, then by v2").contains(1, 2);

            Map<String, JsonNode> expectedV2 = RebuildStack.expected(OrderHistoryProjection.v2(), story);
            Map<String, JsonNode> expectedV1 = RebuildStack.expected(new OrderHistoryProjection(), story);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(RebuildStack.diff(expectedV2, stack.indexDocuments("order-history", 2))).isEmpty());
            assertThat(expectedV2.values()).allSatisfy(document -> assertThat(document.has("itemCount")).isTrue());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .alias("v1 stays current for a rollback")
                .untilAsserted(() -> assertThat(RebuildStack.diff(expectedV1, stack.indexDocuments("order-history", 1))).isEmpty());
            System.out.printf("[rebuild] v2 equals the oracle: %d documents, 0 diffs%n", expectedV2.size());

            ToolRun rollback = stack.tool("rollback", "order-history");
            assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
            assertThat(stack.aliasTargets("order-history")).containsExactly(stack.namePrefix() + "order-history-v1");
            ToolRun forward = stack.tool("rollback", "order-history");
            assertThat(forward.exitCode()).as(forward.toString()).isZero();
            assertThat(stack.aliasTargets("order-history")).containsExactly(stack.namePrefix() + "order-history-v2");

            stack.awaitArchivedEverything(Duration.ofSeconds(60));
            ToolRun verify = stack.tool("verify", "order-history", "--archive-dir", archive.toString());
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(verify.out()).contains(expectedV2.size() + " checked: " + expectedV2.size() + " equal");

            String victim = expectedV2.keySet().iterator().next();
            ObjectNode corrupted = (ObjectNode) expectedV2.get(victim).deepCopy();
            corrupted.put("restaurantName", "Not What The Events Say");
            stack.elasticsearch().index(index -> index.index(stack.namePrefix() + "order-history-v2").id(victim)
                .withJson(new java.io.StringReader(corrupted.toString())).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            ToolRun caught = stack.tool("verify", "order-history", "--archive-dir", archive.toString());
            assertThat(caught.exitCode()).as(caught.toString()).isEqualTo(3);
            assertThat(caught.out()).contains("1 differing").contains(victim).contains("Not What The Events Say");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the query API for order history back to back, counting answers, errors and the view version that answered. */
    private static final class Readers implements Runnable {

        private final String queryApi;
        private final AtomicBoolean running;
        private final HttpClient http = HttpClient.newHttpClient();
        final AtomicLong searches = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final Map<Integer, Long> versions = new ConcurrentHashMap<>();

        Readers(String queryApi, AtomicBoolean running) {
            this.queryApi = queryApi;
            this.running = running;
        }

        @Override
        public void run() {
            HttpRequest request = HttpRequest.newBuilder(URI.create(queryApi + "/order-history?status=APPROVED&size=3"))
                .header("X-Api-Key", "dev-reader-key").timeout(Duration.ofSeconds(10)).build();
            while (running.get()) {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    searches.incrementAndGet();
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, response.statusCode() + " " + response.body());
                        continue;
                    }
                    versions.merge(DocumentJson.MAPPER.readTree(response.body()).path("viewVersion").asInt(), 1L, Long::sum);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            }
        }
    }
}
