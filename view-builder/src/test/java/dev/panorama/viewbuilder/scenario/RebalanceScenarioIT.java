package dev.panorama.viewbuilder.scenario;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of the view builder (each its own JVM) in one consumer group, joining and leaving while
 * events arrive: a second instance joins, a third joins and leaves, the second leaves. Every
 * membership change rebalances the partitions in the middle of the run; instances write the same
 * documents (a consumer's summary gathers orders from every partition) and settle it by their
 * conditional writes. At the end every document equals the oracle's.
 */
class RebalanceScenarioIT {

    @Test
    void viewsConvergeWhileInstancesJoinAndLeaveTheGroup() throws Exception {
        long begin = System.nanoTime();
        List<DomainEvent> story = FtgoStory.generate(31, 250, 25, 2_300);
        int quarter = story.size() / 4;
        List<String> rebalances = new ArrayList<>();
        try (Scenario scenario = new Scenario(Engines.shared(), TestNamespace.forClass(getClass()));
             ViewBuilderProcess first = ViewBuilderProcess.start("rebalance-a", scenario.builderProperties())) {
            scenario.publish(story.subList(0, quarter));
            scenario.awaitCommitted(quarter / 2, Duration.ofMinutes(3));

            // Each change comes with a fresh quarter of the stream, so that the group rebalances with work in hand.
            try (ViewBuilderProcess second = ViewBuilderProcess.start("rebalance-b", scenario.builderProperties())) {
                scenario.publish(story.subList(quarter, 2 * quarter));
                rebalances.add(describe("b joins", scenario));
                scenario.awaitCommitted(quarter + quarter / 2, Duration.ofMinutes(3));

                try (ViewBuilderProcess third = ViewBuilderProcess.start("rebalance-c", scenario.builderProperties())) {
                    scenario.publish(story.subList(2 * quarter, 3 * quarter));
                    rebalances.add(describe("c joins", scenario));
                    scenario.awaitCommitted(2 * quarter + quarter / 2, Duration.ofMinutes(3));
                    scenario.publish(story.subList(3 * quarter, story.size()));
                    third.stop();
                    rebalances.add(describe("c leaves", scenario));
                }
                scenario.awaitCommitted(3 * quarter + quarter / 3, Duration.ofMinutes(3));
                second.stop();
                rebalances.add(describe("b leaves", scenario));
            }
            Scenario.Comparison comparison = scenario.awaitConverged(story, Duration.ofMinutes(4));
            int deadLetters = scenario.deadLetters().size();

            System.out.printf("RebalanceScenarioIT: %,d events, %d rebalances under load %s, %,d documents compared, %d diffs, "
                + "%d dead letters, %.1f s%n", story.size(), rebalances.size(), rebalances, comparison.documents(), comparison.diffs(),
                deadLetters, (System.nanoTime() - begin) / 1e9);
            assertThat(comparison.diffs()).isZero();
            assertThat(deadLetters).isZero();
        }
    }

    /** The membership change and how many published records were still to be applied when it happened. */
    private static String describe(String change, Scenario scenario) {
        Scenario.Progress progress = scenario.progress();
        assertThat(progress.committed()).as("records left to apply when " + change).isLessThan(progress.end());
        return change + " (lag " + (progress.end() - progress.committed()) + ")";
    }
}
