package dev.panorama.viewbuilder.scenario;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.Ports;
import dev.panorama.devstack.elasticsearch.ForkedElasticsearchEngine;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch goes away for more than 20 s while the view builder (its own JVM) has a backlog: the
 * builder retries its batch with back-off and commits nothing meanwhile, and once the node is back
 * (same port, same data directory) it carries on by itself. At the end every document equals the
 * oracle's. The node is one of this test's own, so that stopping it disturbs no other test.
 */
class ElasticsearchOutageScenarioIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @TempDir
    Path nodeHome;

    @Test
    void theBuilderWaitsOutAnElasticsearchOutageAndResumesByItself() throws Exception {
        long begin = System.nanoTime();
        List<DomainEvent> story = FtgoStory.generate(41, 160, 16, 1_400);
        int port = Ports.freePort();
        Path logs = Path.of("target", "scenario-logs").toAbsolutePath();
        ForkedElasticsearchEngine node = ForkedElasticsearchEngine.start(port, nodeHome, logs.resolve("outage-elasticsearch-1.log"),
            Duration.ofSeconds(120));
        try (Scenario scenario = new Scenario(Engines.shared(), TestNamespace.forClass(getClass()), node.httpUrl());
             ViewBuilderProcess builder = ViewBuilderProcess.start("outage", scenario.builderProperties())) {
            scenario.publish(story);
            scenario.awaitCommitted(story.size() / 4, Duration.ofMinutes(3));

            node.close();
            long down = System.nanoTime();
            // Nothing is committed while the views cannot be written: the offsets stand still for the whole outage.
            AtomicReference<Scenario.Progress> last = new AtomicReference<>(scenario.progress());
            await().during(OUTAGE).atMost(OUTAGE.multipliedBy(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Scenario.Progress now = scenario.progress();
                return now.offsets().equals(last.getAndSet(now).offsets());
            });
            Scenario.Progress frozen = last.get();
            assertThat(frozen.committed()).as("records left to apply when the node went down").isLessThan(frozen.end());

            AtomicReference<ForkedElasticsearchEngine> restarted = new AtomicReference<>();
            await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> {
                restarted.set(ForkedElasticsearchEngine.start(port, nodeHome, logs.resolve("outage-elasticsearch-2.log"), Duration.ofSeconds(120)));
                return true;
            });
            node = restarted.get();
            double outageSeconds = (System.nanoTime() - down) / 1e9;
            long resumed = System.nanoTime();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> scenario.progress().committed() > frozen.committed());
            double resumedAfter = (System.nanoTime() - resumed) / 1e9;

            Scenario.Comparison comparison = scenario.awaitConverged(story, Duration.ofMinutes(4));
            int deadLetters = scenario.deadLetters().size();

            System.out.printf("ElasticsearchOutageScenarioIT: %,d events, Elasticsearch down %.1f s with %,d records left to apply, "
                    + "offsets unchanged while down, commits resumed %.1f s after the node was back, %,d documents compared, %d diffs, "
                    + "%d dead letters, %.1f s%n", story.size(), outageSeconds, frozen.end() - frozen.committed(), resumedAfter,
                comparison.documents(), comparison.diffs(), deadLetters, (System.nanoTime() - begin) / 1e9);
            assertThat(outageSeconds).isGreaterThanOrEqualTo(OUTAGE.toSeconds());
            assertThat(comparison.diffs()).isZero();
            assertThat(deadLetters).isZero();
        } finally {
            node.close();
        }
    }
}
