package dev.panorama.viewbuilder.adapter.kafka;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.fixtures.EnvelopeJson;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.InMemoryDocumentStore;
import dev.panorama.views.fixtures.InMemoryProcessedEvents;
import dev.panorama.views.fixtures.InMemoryStateStore;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.States;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.runtime.Positions;
import dev.panorama.views.runtime.ViewMaintainer;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.RestaurantState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.event.SourceKey;
import dev.panorama.views.runtime.StateStore;
import dev.panorama.views.state.OrderState;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import java.util.Collection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection that throws on one order: the batch is applied event by event, only the events whose
 * processing renders that order are dead-lettered with the failure, every other document is written, and
 * only the applied events are recorded as processed.
 */
class EventBatchListenerTest {

    @Test
    void deadLettersOnlyTheEventsAProjectionFailsOn() {
        List<DomainEvent> story = FtgoStory.generate(5, 4, 3, 12);
        String poisoned = story.stream().filter(e -> e.metadata().aggregateType().equals("order")).findFirst().orElseThrow()
            .metadata().aggregateId();
        InMemoryDocumentStore sink = new InMemoryDocumentStore();
        ViewMaintainer maintainer = new ViewMaintainer(List.of(failingOn(poisoned)), new InMemoryStateStore(),
            Map.of(OrderHistoryProjection.VIEW, sink), 3);
        // The template closes its producer after each use: one MockProducer per use, all kept to read what they sent.
        List<MockProducer<String, byte[]>> producers = new ArrayList<>();
        MockProducerFactory<String, byte[]> factory = new MockProducerFactory<>(() -> {
            MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
            producers.add(producer);
            return producer;
        });
        InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
        EventBatchListener listener = new EventBatchListener(new EventReader(), maintainer,
            new DeadLetterPublisher(new KafkaTemplate<>(factory), "dead-letters", "group"),
            new NoPositions(), processed, new ViewBuilderMetrics(new SimpleMeterRegistry()));

        listener.onBatch(records(story));

        List<ProducerRecord<String, byte[]>> letters = producers.stream().flatMap(producer -> producer.history().stream()).toList();
        // The order's own events, and those of its consumer, restaurant or delivery that had to render it.
        assertThat(letters).isNotEmpty().allSatisfy(letter -> {
            assertThat(header(letter, "panorama-dlq-reason")).isEqualTo("PROJECTION_FAILED");
            assertThat(header(letter, "panorama-dlq-detail")).contains("document " + poisoned).contains("kitchen on fire").contains("\n  at ");
        });
        assertThat(letters).anySatisfy(letter -> assertThat(letter.key()).isEqualTo(poisoned));
        long ordersInStory = story.stream().filter(e -> e.metadata().eventType().equals("order.OrderCreated")).count();
        assertThat(sink.documents()).hasSize((int) ordersInStory - 1).doesNotContainKey(poisoned);
        assertThat(processed.recorded()).as("every event but the dead-lettered ones").hasSize(story.size() - letters.size());
    }

    private static ViewProjection<OrderHistoryProjection.Document> failingOn(String orderId) {
        OrderHistoryProjection real = new OrderHistoryProjection();
        return new ViewProjection<>() {
            @Override
            public String view() {
                return real.view();
            }

            @Override
            public Set<String> sourceTypes() {
                return real.sourceTypes();
            }

            @Override
            public Set<String> affectedDocuments(AggregateState changed, States states) {
                return real.affectedDocuments(changed, states);
            }

            @Override
            public Optional<OrderHistoryProjection.Document> render(String documentId, States states) {
                if (documentId.equals(orderId) && states.order(orderId).map(OrderState::version).orElse(0L) > 0) {
                    throw new IllegalStateException("kitchen on fire");
                }
                return real.render(documentId, states);
            }
        };
    }

    private static List<ConsumerRecord<String, byte[]>> records(List<DomainEvent> story) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < story.size(); i++) {
            DomainEvent event = story.get(i);
            records.add(new ConsumerRecord<>("ftgo." + event.metadata().aggregateType() + ".events", 0, i,
                event.metadata().aggregateId(), EnvelopeJson.of(event)));
        }
        return records;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static final class NoPositions implements Positions {

        @Override
        public void applied(List<Applied> partitions) {
        }
    }

    @Test
    void aRedeliveredBatchIsSkippedByItsProcessedRecord() {
        List<DomainEvent> story = FtgoStory.generate(6, 3, 2, 6);
        InMemoryDocumentStore sink = new InMemoryDocumentStore();
        CountingStateStore states = new CountingStateStore();
        InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
        ViewMaintainer maintainer = new ViewMaintainer(List.of(new OrderHistoryProjection()), states, Map.of(OrderHistoryProjection.VIEW, sink), 3);
        MockProducerFactory<String, byte[]> factory = new MockProducerFactory<>(
            () -> new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()));
        EventBatchListener listener = new EventBatchListener(new EventReader(), maintainer, new DeadLetterPublisher(new KafkaTemplate<>(factory),
            "dead-letters", "group"), new NoPositions(), processed, new ViewBuilderMetrics(new SimpleMeterRegistry()));

        listener.onBatch(records(story));
        int loadsAfterFirst = states.loads;
        listener.onBatch(records(story));

        assertThat(processed.recorded()).hasSize(story.size());
        assertThat(states.loads).as("no state read for a batch already processed").isEqualTo(loadsAfterFirst);
    }

    @Test
    void timesEachAppliedEventFromItsCommitToTheViewsStageByStage() {
        List<DomainEvent> story = FtgoStory.generate(4, 2, 2, 5);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ViewMaintainer maintainer = new ViewMaintainer(List.of(new OrderHistoryProjection()), new InMemoryStateStore(),
            Map.of(OrderHistoryProjection.VIEW, new InMemoryDocumentStore()), 3);
        EventBatchListener listener = new EventBatchListener(new EventReader(), maintainer, new DeadLetterPublisher(new KafkaTemplate<>(
            new MockProducerFactory<>(() -> new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()))),
            "dead-letters", "group"), new NoPositions(), new InMemoryProcessedEvents(), new ViewBuilderMetrics(meters));
        // Each record published by the relay 40 ms after its event occurred.
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < story.size(); i++) {
            DomainEvent event = story.get(i);
            records.add(new ConsumerRecord<>("ftgo." + event.metadata().aggregateType() + ".events", 0, i,
                event.metadata().occurredAt().toEpochMilli() + 40, TimestampType.CREATE_TIME, -1, -1, event.metadata().aggregateId(),
                EnvelopeJson.of(event), new RecordHeaders(), Optional.empty()));
        }

        listener.onBatch(records);

        Timer published = meters.get("panorama.view.event.delay").tag("stage", "published").timer();
        Timer polled = meters.get("panorama.view.event.delay").tag("stage", "polled").timer();
        Timer visible = meters.get("panorama.view.event.delay").tag("stage", "visible").timer();
        assertThat(published.count()).isEqualTo(story.size());
        assertThat(published.max(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(published.mean(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(polled.count()).isEqualTo(story.size());
        assertThat(visible.count()).isEqualTo(story.size());
        // The story's events occurred in the past: the whole way is at least the relay's share plus the wait for the poll.
        assertThat(visible.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(
            published.totalTime(TimeUnit.MILLISECONDS) + polled.totalTime(TimeUnit.MILLISECONDS));
    }

    /** Counts the batch loads, to see which deliveries reach the store. */
    private static final class CountingStateStore implements StateStore {

        private final InMemoryStateStore delegate = new InMemoryStateStore();
        private int loads;

        @Override
        public Map<SourceKey, AggregateState> load(Collection<SourceKey> keys) {
            if (!keys.isEmpty()) {
                loads++;
            }
            return delegate.load(keys);
        }

        @Override
        public void save(List<StateUpdate> updates) {
            delegate.save(updates);
        }

        @Override
        public Optional<ConsumerState> consumer(String consumerId) {
            return delegate.consumer(consumerId);
        }

        @Override
        public Optional<RestaurantState> restaurant(String restaurantId) {
            return delegate.restaurant(restaurantId);
        }

        @Override
        public Optional<OrderState> order(String orderId) {
            return delegate.order(orderId);
        }

        @Override
        public List<OrderState> ordersOfConsumer(String consumerId) {
            return delegate.ordersOfConsumer(consumerId);
        }

        @Override
        public List<OrderState> ordersAtRestaurant(String restaurantId) {
            return delegate.ordersAtRestaurant(restaurantId);
        }

        @Override
        public List<DeliveryState> deliveriesOfOrder(String orderId) {
            return delegate.deliveriesOfOrder(orderId);
        }
    }
}
