package dev.panorama.viewbuilder.scenario;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The view builder in a JVM of its own, killed with SIGKILL at random moments of a 50 000-event run
 * (in the middle of a batch: states saved, some views written, offsets not committed) and started
 * again each time: at the end every document of every view equals the oracle's.
 */
class CrashRecoveryScenarioIT {

    private static final int KILLS = 4;

    @Test
    void viewsConvergeAfterTheBuilderIsKilledRepeatedlyInTheMiddleOfBatches() throws Exception {
        long begin = System.nanoTime();
        Random random = new Random(11);
        List<DomainEvent> story = FtgoStory.generate(11, 1_200, 120, 11_800);
        assertThat(story).hasSizeGreaterThanOrEqualTo(50_000);
        List<Long> killedAt = new ArrayList<>();
        long peakRssMb = 0;
        try (Scenario scenario = new Scenario(Engines.shared(), TestNamespace.forClass(getClass()))) {
            scenario.publish(story);
            // Static membership: the restarted instance takes the killed one's partitions at once.
            Map<String, String> properties = scenario.builderProperties();
            properties.put("spring.kafka.consumer.properties.group.instance.id", "crash-recovery");
            ViewBuilderProcess builder = ViewBuilderProcess.start("crash-recovery-0", properties);
            try {
                for (int kill = 1; kill <= KILLS; kill++) {
                    long threshold = (long) (story.size() * (0.15 * kill + 0.1 * random.nextDouble()));
                    scenario.awaitCommitted(threshold, Duration.ofMinutes(5));
                    // A random moment after that commit: the builder is in the middle of its next batch.
                    await().pollDelay(Duration.ofMillis(random.nextInt(1_500))).until(() -> true);
                    killedAt.add(scenario.progress().committed());
                    builder.kill();
                    peakRssMb = Math.max(peakRssMb, builder.peakRssMb());
                    builder = ViewBuilderProcess.start("crash-recovery-" + kill, properties);
                }
                Scenario.Comparison comparison = scenario.awaitConverged(story, Duration.ofMinutes(6));
                peakRssMb = Math.max(peakRssMb, builder.peakRssMb());
                int deadLetters = scenario.deadLetters().size();

                System.out.printf("CrashRecoveryScenarioIT: %,d events, %d SIGKILLs of the builder JVM (at %s committed records), "
                        + "%,d documents compared, %d diffs, %d dead letters, builder peak RSS %d MB, %.1f s%n",
                    story.size(), killedAt.size(), killedAt, comparison.documents(), comparison.diffs(), deadLetters, peakRssMb,
                    (System.nanoTime() - begin) / 1e9);
                assertThat(comparison.diffs()).isZero();
                assertThat(deadLetters).isZero();
                assertThat(killedAt).hasSize(KILLS).allMatch(at -> at < scenario.progress().end());
            } finally {
                builder.close();
            }
        }
    }
}
