package dev.panorama.views.runtime;

import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.Projections;
import dev.panorama.views.projection.States;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.fixtures.InMemoryDocumentStore;
import dev.panorama.views.fixtures.InMemoryStateStore;
import dev.panorama.views.runtime.BatchOutcome;
import dev.panorama.views.runtime.ViewMaintainer;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.OrderState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views maintained by the runtime's {@link ViewMaintainer} batch after batch (fold the states, find the
 * affected documents, render them, write only when the version vector moved on) equal the views
 * rendered once from the final states, however the stream is interleaved across aggregates, however
 * often each event is delivered and however the batches fall.
 */
class ConvergenceTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyViewConvergesUnderShuffledAndDuplicatedDelivery(long seed) {
        List<DomainEvent> story = FtgoStory.generate(seed, 12, 5, 150);
        List<DomainEvent> delivery = shuffledAcrossAggregatesWithDuplicates(story, new Random(seed));

        for (ViewProjection<?> projection : Projections.all()) {
            Map<String, ViewDocument> maintained = maintain(projection, delivery);
            Map<String, ViewDocument> expected = renderFromFinalStates(projection, story);

            assertThat(maintained).as(projection.view() + " after " + delivery.size() + " deliveries of " + story.size() + " events")
                .isEqualTo(expected);
            assertThat(expected).isNotEmpty();
        }
    }

    @Test
    void aProjectionThatForgetsItsFanOutDoesNotConverge() {
        List<DomainEvent> story = FtgoStory.generate(7, 12, 5, 150);
        List<DomainEvent> delivery = shuffledAcrossAggregatesWithDuplicates(story, new Random(7));
        OrderHistoryProjection orderHistory = new OrderHistoryProjection();
        ViewProjection<OrderHistoryProjection.Document> withoutFanOut = new ViewProjection<>() {
            @Override
            public String view() {
                return orderHistory.view();
            }

            @Override
            public Set<String> sourceTypes() {
                return orderHistory.sourceTypes();
            }

            @Override
            public Set<String> affectedDocuments(AggregateState changed, States states) {
                return changed instanceof OrderState order ? Set.of(order.id()) : Set.of();
            }

            @Override
            public Optional<OrderHistoryProjection.Document> render(String documentId, States states) {
                return orderHistory.render(documentId, states);
            }
        };

        assertThat(maintain(withoutFanOut, delivery)).isNotEqualTo(renderFromFinalStates(withoutFanOut, story));
    }

    /** The runtime's maintainer over in-memory stores, fed in batches of random sizes. */
    static Map<String, ViewDocument> maintain(ViewProjection<?> projection, List<DomainEvent> delivery) {
        InMemoryDocumentStore sink = new InMemoryDocumentStore();
        ViewMaintainer maintainer = new ViewMaintainer(List.of(projection), new InMemoryStateStore(), Map.of(projection.view(), sink), 3);
        Random batchSizes = new Random(delivery.size());
        for (int from = 0; from < delivery.size(); ) {
            int to = Math.min(delivery.size(), from + 1 + batchSizes.nextInt(25));
            BatchOutcome outcome = maintainer.apply(delivery.subList(from, to));
            assertThat(outcome.parked()).as("per-aggregate order was kept, nothing waits").isEmpty();
            from = to;
        }
        return sink.documents();
    }

    static Map<String, ViewDocument> renderFromFinalStates(ViewProjection<?> projection, List<DomainEvent> story) {
        return Oracle.render(projection, story);
    }

    /**
     * A random interleaving that keeps each aggregate's own order (as Kafka partitions do) but mixes
     * aggregates and topics freely; a third of the events are delivered again, some much later.
     */
    static List<DomainEvent> shuffledAcrossAggregatesWithDuplicates(List<DomainEvent> story, Random random) {
        Map<String, Deque<DomainEvent>> perAggregate = new LinkedHashMap<>();
        story.forEach(event -> perAggregate.computeIfAbsent(event.metadata().source().toString(), key -> new ArrayDeque<>()).add(event));
        List<Deque<DomainEvent>> queues = new ArrayList<>(perAggregate.values());
        List<DomainEvent> delivery = new ArrayList<>();
        Map<Integer, List<DomainEvent>> redeliveries = new HashMap<>();
        int step = 0;
        while (!queues.isEmpty()) {
            Deque<DomainEvent> queue = queues.get(random.nextInt(queues.size()));
            DomainEvent event = queue.poll();
            delivery.add(event);
            if (random.nextInt(3) == 0) {
                // Redelivered later, never before itself: a rewind replays a partition from an older offset.
                redeliveries.computeIfAbsent(step + 1 + random.nextInt(50), key -> new ArrayList<>()).add(event);
            }
            delivery.addAll(redeliveries.getOrDefault(step, List.of()));
            redeliveries.remove(step++);
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        redeliveries.values().forEach(delivery::addAll);
        return delivery;
    }
}
