package dev.panorama.viewbuilder.projection;

import dev.panorama.viewbuilder.event.DomainEvent;
import dev.panorama.viewbuilder.fixtures.FtgoStory;
import dev.panorama.viewbuilder.state.AggregateState;
import dev.panorama.viewbuilder.state.FoldResult;
import dev.panorama.viewbuilder.state.OrderState;
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
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views maintained event by event, the way the runtime does it (fold the state, find the affected
 * documents, render them, write only when the version vector moved on), equal the views rendered once
 * from the final states, however the stream is interleaved across aggregates and however often each
 * event is delivered.
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

    /** The runtime's algorithm, one event at a time, with memory for the state store and the sink. */
    static Map<String, ViewDocument> maintain(ViewProjection<?> projection, List<DomainEvent> delivery) {
        InMemoryStates states = new InMemoryStates();
        Map<String, ViewDocument> sink = new HashMap<>();
        for (DomainEvent event : delivery) {
            FoldResult result = states.apply(event);
            AggregateState changed = switch (result) {
                case FoldResult.Applied applied -> applied.state();
                // A redelivery may follow a crash between the state write and the document write: render again.
                case FoldResult.AlreadyApplied already -> already.state();
                case FoldResult.MissingHistory missing -> throw new AssertionError("per-aggregate order was broken: " + missing);
                case FoldResult.NoState none -> null;
            };
            if (changed == null || !projection.sourceTypes().contains(changed.aggregateType())) {
                continue;
            }
            for (String id : projection.affectedDocuments(changed, states)) {
                projection.render(id, states).ifPresent(document -> writeIfNewer(sink, document));
            }
        }
        return sink;
    }

    private static void writeIfNewer(Map<String, ViewDocument> sink, ViewDocument document) {
        ViewDocument stored = sink.get(document.id());
        if (stored == null || (SourceVersions.dominates(document.sourceVersions(), stored.sourceVersions()) && !stored.equals(document))) {
            sink.put(document.id(), document);
        }
    }

    static Map<String, ViewDocument> renderFromFinalStates(ViewProjection<?> projection, List<DomainEvent> story) {
        InMemoryStates states = new InMemoryStates();
        story.forEach(states::apply);
        Set<String> ids = new TreeSet<>();
        for (AggregateState state : states.all()) {
            if (projection.sourceTypes().contains(state.aggregateType())) {
                ids.addAll(projection.affectedDocuments(state, states));
            }
        }
        Map<String, ViewDocument> views = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<? extends ViewDocument> document = projection.render(id, states);
            document.ifPresent(d -> views.put(id, d));
        }
        return views;
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
