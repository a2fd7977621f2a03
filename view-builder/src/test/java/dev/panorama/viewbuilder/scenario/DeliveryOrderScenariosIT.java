package dev.panorama.viewbuilder.scenario;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.junit.TestNamespace;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed view builder (its own JVM) fed through Kafka: every event delivered three times, and
 * a stream interleaved at random across aggregates and topics (each aggregate's own order kept, as
 * its partition keeps it). Either way every view document ends equal to the oracle's.
 */
class DeliveryOrderScenariosIT {

    @Test
    void everyEventDeliveredThreeTimesChangesNothing() throws Exception {
        long begin = System.nanoTime();
        List<DomainEvent> story = FtgoStory.generate(21, 60, 10, 600);
        List<DomainEvent> delivery = threeTimes(story, new Random(21));
        try (Scenario scenario = new Scenario(Engines.shared(), TestNamespace.forClass(getClass()));
             ViewBuilderProcess builder = ViewBuilderProcess.start("three-times", scenario.builderProperties())) {
            scenario.publish(delivery);
            Scenario.Comparison comparison = scenario.awaitConverged(story, Duration.ofMinutes(4));
            int deadLetters = scenario.deadLetters().size();

            System.out.printf("DeliveryOrderScenariosIT three times: %,d events, %,d deliveries, %,d documents compared, %d diffs, "
                + "%d dead letters, %.1f s%n", story.size(), delivery.size(), comparison.documents(), comparison.diffs(), deadLetters,
                (System.nanoTime() - begin) / 1e9);
            assertThat(delivery).hasSize(3 * story.size());
            assertThat(comparison.diffs()).isZero();
            assertThat(deadLetters).isZero();
        }
    }

    @Test
    void eventsShuffledAcrossTopicsConvergeToTheSameViews() throws Exception {
        long begin = System.nanoTime();
        List<DomainEvent> story = FtgoStory.generate(22, 80, 10, 800);
        List<DomainEvent> shuffled = shuffledAcrossAggregates(story, new Random(22));
        try (Scenario scenario = new Scenario(Engines.shared(), TestNamespace.forClass(getClass()));
             ViewBuilderProcess builder = ViewBuilderProcess.start("shuffled", scenario.builderProperties())) {
            scenario.publish(shuffled);
            Scenario.Comparison comparison = scenario.awaitConverged(story, Duration.ofMinutes(4));
            int deadLetters = scenario.deadLetters().size();

            System.out.printf("DeliveryOrderScenariosIT shuffled: %,d events, %,d of them ahead of an event they depend on "
                    + "(order before its consumer or restaurant, delivery before its order), %,d documents compared, %d diffs, "
                    + "%d dead letters, %.1f s%n", story.size(), aheadOfDependency(shuffled), comparison.documents(), comparison.diffs(),
                deadLetters, (System.nanoTime() - begin) / 1e9);
            assertThat(aheadOfDependency(shuffled)).isPositive();
            assertThat(comparison.diffs()).isZero();
            assertThat(deadLetters).isZero();
        }
    }

    /** Each event at its place, and two more copies of it at random later places. */
    static List<DomainEvent> threeTimes(List<DomainEvent> story, Random random) {
        record Placed(double at, int sequence, DomainEvent event) {
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < story.size(); i++) {
            placed.add(new Placed(i, placed.size(), story.get(i)));
            for (int copy = 0; copy < 2; copy++) {
                placed.add(new Placed(i + random.nextDouble() * (story.size() - i), placed.size(), story.get(i)));
            }
        }
        placed.sort(Comparator.comparingDouble(Placed::at).thenComparingInt(Placed::sequence));
        return placed.stream().map(Placed::event).toList();
    }

    /** A random interleaving of the aggregates' streams, each aggregate's events in their order. */
    static List<DomainEvent> shuffledAcrossAggregates(List<DomainEvent> story, Random random) {
        Map<String, List<DomainEvent>> perAggregate = new LinkedHashMap<>();
        story.forEach(event -> perAggregate.computeIfAbsent(event.metadata().source().toString(), key -> new ArrayList<>()).add(event));
        List<List<DomainEvent>> queues = new ArrayList<>(perAggregate.values().stream().map(ArrayList::new).toList());
        List<DomainEvent> shuffled = new ArrayList<>();
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            List<DomainEvent> queue = queues.get(pick);
            shuffled.add(queue.removeFirst());
            if (queue.isEmpty()) {
                queues.set(pick, queues.getLast());
                queues.removeLast();
            }
        }
        return shuffled;
    }

    private static long aheadOfDependency(List<DomainEvent> stream) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        long ahead = 0;
        for (DomainEvent event : stream) {
            seen.add(event.metadata().source().toString());
            if (event instanceof DomainEvent.OrderCreated created
                && (!seen.contains("consumer:" + created.consumerId()) || !seen.contains("restaurant:" + created.restaurantId()))) {
                ahead++;
            } else if (event instanceof DomainEvent.DeliveryScheduled scheduled && !seen.contains("order:" + scheduled.orderId())) {
                ahead++;
            }
        }
        return ahead;
    }
}
