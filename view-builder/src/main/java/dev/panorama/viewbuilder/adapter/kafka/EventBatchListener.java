package dev.panorama.viewbuilder.adapter.kafka;

import dev.panorama.viewbuilder.adapter.kafka.DeadLetterPublisher.DeadLetter;
import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.DomainEvent.Heartbeat;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.event.ReadResult;
import dev.panorama.views.runtime.BatchOutcome;
import dev.panorama.views.runtime.Positions;
import dev.panorama.views.runtime.ProcessedEvents;
import dev.panorama.views.runtime.ProjectionFailure;
import dev.panorama.views.runtime.ViewMaintainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One poll's records of the event topics: read them, dead-letter the poison ones, apply the rest to
 * states and views, dead-letter what had to be parked, record positions. Returning normally lets the
 * container commit the batch's offsets; throwing (a sink is down) makes it retry the same batch with
 * back-off, partitions paused, nothing committed.
 */
public final class EventBatchListener {

    private static final Logger log = LoggerFactory.getLogger(EventBatchListener.class);

    private final EventReader reader;
    private final Supplier<ViewMaintainer> maintainers;
    private final DeadLetterPublisher deadLetters;
    private final Positions positions;
    private final ProcessedEvents processed;
    private final ViewBuilderMetrics metrics;
    private final Executor bookkeeping = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("batch-bookkeeping-", 0).factory());

    public EventBatchListener(EventReader reader, ViewMaintainer maintainer, DeadLetterPublisher deadLetters, Positions positions,
                              ProcessedEvents processed, ViewBuilderMetrics metrics) {
        this(reader, () -> maintainer, deadLetters, positions, processed, metrics);
    }

    /** @param maintainers the maintainer of the view versions to keep up to date now; asked once per batch */
    public EventBatchListener(EventReader reader, Supplier<ViewMaintainer> maintainers, DeadLetterPublisher deadLetters, Positions positions,
                              ProcessedEvents processed, ViewBuilderMetrics metrics) {
        this.reader = reader;
        this.maintainers = maintainers;
        this.deadLetters = deadLetters;
        this.positions = positions;
        this.processed = processed;
        this.metrics = metrics;
    }

    @KafkaListener(id = "${panorama.view-builder.group-id}", topics = "#{@viewBuilderTopics.names()}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        Instant polledAt = Instant.now();
        List<DomainEvent> events = new ArrayList<>(records.size());
        Map<DomainEvent, ConsumerRecord<String, byte[]>> origins = new IdentityHashMap<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (reader.read(record.value())) {
                case ReadResult.Accepted accepted -> {
                    events.add(accepted.event());
                    origins.put(accepted.event(), record);
                }
                case ReadResult.Rejected rejected -> {
                    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), rejected.describe());
                    letters.add(new DeadLetter(record, rejected.reason().name(), rejected.detail()));
                }
            }
        }
        long begin = System.nanoTime();
        // One maintainer for the whole batch: a version registered meanwhile is picked up by the next one.
        ViewMaintainer maintainer = maintainers.get();
        Set<UUID> known = processed.known(events.stream().map(event -> event.metadata().eventId()).toList());
        List<DomainEvent> fresh = events.stream().filter(event -> !known.contains(event.metadata().eventId())).toList();
        BatchOutcome outcome;
        try {
            outcome = maintainer.apply(fresh);
        } catch (ProjectionFailure failure) {
            outcome = applyIsolatingFailures(maintainer, fresh, origins, letters);
        }
        for (DomainEvent parked : outcome.parked()) {
            letters.add(new DeadLetter(origins.get(parked), "PARKED", parked.metadata().eventType() + " v"
                + parked.metadata().aggregateVersion() + " of " + parked.metadata().source()
                + " waits for an earlier version that is missing or was dead-lettered"));
        }
        metrics.batchApplied(records.size(), outcome, known.size(), letters.size(), System.nanoTime() - begin);
        deadLetters.publish(letters);
        Set<ConsumerRecord<String, byte[]>> deadLettered = Collections.newSetFromMap(new IdentityHashMap<>());
        letters.forEach(letter -> deadLettered.add(letter.original()));
        List<UUID> applied = fresh.stream()
            .filter(event -> !(event instanceof Heartbeat) && !deadLettered.contains(origins.get(event)))
            .map(event -> event.metadata().eventId()).toList();
        // Two independent writes, side by side: on busy cores each round trip waits for a core again, and the next
        // poll waits for both.
        CompletableFuture<Void> recorded = CompletableFuture.runAsync(() -> processed.record(applied, Instant.now()), bookkeeping);
        CompletableFuture<Void> positioned = CompletableFuture.runAsync(() -> recordPositions(records, events, origins), bookkeeping);
        try {
            CompletableFuture.allOf(recorded, positioned).join(); // both waited for: none is left running when the batch is retried
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Instant visibleAt = Instant.now();
        timeVisibility(fresh, origins, deadLettered, polledAt, visibleAt);
        log.debug("batch of {}: applied {}, duplicates {}, parked {}, written {}", records.size(), outcome.applied(),
            outcome.alreadyApplied(), outcome.parked().size(), outcome.documentsWritten());
    }

    /**
     * Projection code failed on something in the batch: apply it in halves, and the failing halves in
     * halves again, down to the single events it fails on, so that only those are dead-lettered (with
     * the failure and the top of its stack) and the partition keeps flowing. One poison event in a batch
     * of 10 000 costs some 28 smaller applies, not 10 000. Halves are applied in order, so an aggregate's
     * events still apply in theirs. A store failure still fails the whole batch, which is then retried.
     */
    private BatchOutcome applyIsolatingFailures(ViewMaintainer maintainer, List<DomainEvent> events,
                                                Map<DomainEvent, ConsumerRecord<String, byte[]>> origins,
                                                List<DeadLetter> letters) {
        Totals totals = new Totals();
        isolate(maintainer, events, origins, letters, totals);
        return new BatchOutcome(totals.applied, totals.alreadyApplied, totals.parked, totals.written, totals.retried);
    }

    private void isolate(ViewMaintainer maintainer, List<DomainEvent> events, Map<DomainEvent, ConsumerRecord<String, byte[]>> origins,
                         List<DeadLetter> letters,
                         Totals totals) {
        if (events.isEmpty()) {
            return;
        }
        try {
            totals.add(maintainer.apply(events));
        } catch (ProjectionFailure failure) {
            if (events.size() > 1) {
                int half = events.size() / 2;
                isolate(maintainer, events.subList(0, half), origins, letters, totals);
                isolate(maintainer, events.subList(half, events.size()), origins, letters, totals);
                return;
            }
            ConsumerRecord<String, byte[]> record = origins.get(events.getFirst());
            log.error("dead-lettering {}-{}@{}: projection failed", record.topic(), record.partition(), record.offset(), failure);
            letters.add(new DeadLetter(record, "PROJECTION_FAILED", failure.getMessage() + stackSummary(failure.getCause())));
        }
    }

    /** What the applies of a batch's parts added up to. */
    private static final class Totals {

        private int applied;
        private int alreadyApplied;
        private int retried;
        private final List<DomainEvent> parked = new ArrayList<>();
        private final Map<String, Integer> written = new java.util.TreeMap<>();

        void add(BatchOutcome outcome) {
            applied += outcome.applied();
            alreadyApplied += outcome.alreadyApplied();
            retried += outcome.conflictsRetried();
            parked.addAll(outcome.parked());
            outcome.documentsWritten().forEach((view, count) -> written.merge(view, count, Integer::sum));
        }
    }

    private static String stackSummary(Throwable failure) {
        StringBuilder summary = new StringBuilder();
        StackTraceElement[] stack = failure.getStackTrace();
        for (int i = 0; i < Math.min(5, stack.length); i++) {
            summary.append("\n  at ").append(stack[i]);
        }
        return summary.toString();
    }

    /** The applied events' way from commit to views, for the metrics (heartbeats and dead letters left out). */
    private void timeVisibility(List<DomainEvent> applied, Map<DomainEvent, ConsumerRecord<String, byte[]>> origins,
                                Set<ConsumerRecord<String, byte[]>> deadLettered, Instant polledAt, Instant visibleAt) {
        for (DomainEvent event : applied) {
            ConsumerRecord<String, byte[]> record = origins.get(event);
            if (!(event instanceof Heartbeat) && !deadLettered.contains(record)) {
                Instant publishedAt = record.timestampType() == TimestampType.CREATE_TIME ? Instant.ofEpochMilli(record.timestamp()) : null;
                metrics.eventVisible(event.metadata().occurredAt(), publishedAt, polledAt, visibleAt);
            }
        }
    }

    private void recordPositions(List<ConsumerRecord<String, byte[]>> records, List<DomainEvent> events,
                                 Map<DomainEvent, ConsumerRecord<String, byte[]>> origins) {
        Instant now = Instant.now();
        Map<TopicPartition, Long> next = new HashMap<>();
        Map<TopicPartition, Instant> lastEventAt = new HashMap<>();
        Map<TopicPartition, Positions.HeartbeatSeen> heartbeats = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        for (DomainEvent event : events) {
            ConsumerRecord<String, byte[]> record = origins.get(event);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            lastEventAt.merge(partition, event.metadata().occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            if (event instanceof Heartbeat heartbeat) {
                heartbeats.put(partition, new Positions.HeartbeatSeen(heartbeat.emittedAt(), now)); // records are in offset order: the last one stays
            }
        }
        List<Positions.Applied> applied = new ArrayList<>(next.size());
        next.forEach((partition, offset) -> applied.add(new Positions.Applied(partition.topic(), partition.partition(), offset,
            lastEventAt.getOrDefault(partition, Instant.EPOCH), now, heartbeats.get(partition))));
        positions.applied(applied);
    }
}
