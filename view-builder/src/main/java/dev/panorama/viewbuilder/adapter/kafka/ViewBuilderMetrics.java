package dev.panorama.viewbuilder.adapter.kafka;

import dev.panorama.views.runtime.BatchOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What the view builder does, as Micrometer meters: events by outcome, batch sizes, how long states and
 * sinks took per batch, documents written per view, conflicting writes rendered again, and how long applied
 * events took from their commit to the views, stage by stage.
 */
public final class ViewBuilderMetrics {

    private final MeterRegistry registry;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter parked;
    private final Counter conflicts;
    private final DistributionSummary batchSize;
    private final Timer batchDuration;
    private final Timer published;
    private final Timer polled;
    private final Timer visible;

    public ViewBuilderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.applied = events("applied");
        this.duplicates = events("already_applied");
        this.deadLettered = events("dead_lettered");
        this.parked = events("parked");
        this.conflicts = Counter.builder("panorama.view.conflicts").description("Conditional writes that lost a race and were rendered again")
            .register(registry);
        this.batchSize = DistributionSummary.builder("panorama.view.batch.size").description("Records per poll").register(registry);
        this.batchDuration = Timer.builder("panorama.view.batch.duration").description("State and sink writes of one batch")
            .publishPercentiles(0.5, 0.99).register(registry);
        this.published = eventDelay("published", "From an event's occurrence to its publication on Kafka (the outbox relay)");
        this.polled = eventDelay("polled", "From an event's publication on Kafka to the poll that handed it to the view builder");
        this.visible = eventDelay("visible", "From an event's occurrence to the end of the batch that wrote it to the views");
    }

    private Timer eventDelay(String stage, String description) {
        return Timer.builder("panorama.view.event.delay").description(description).tag("stage", stage)
            .publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * Where the time between a command's commit and its views went, for one applied event: the relay's
     * share, Kafka's and the poll loop's, and the whole way to the views. Clocks of different hosts may
     * disagree by a little; a negative share counts as zero.
     *
     * @param occurredAt when the command service recorded the event (its transaction)
     * @param publishedAt the record's Kafka timestamp, or {@code null} when the broker set it
     */
    void eventVisible(Instant occurredAt, Instant publishedAt, Instant polledAt, Instant visibleAt) {
        if (publishedAt != null) {
            record(published, occurredAt, publishedAt);
            record(polled, publishedAt, polledAt);
        }
        record(visible, occurredAt, visibleAt);
    }

    private static void record(Timer timer, Instant from, Instant to) {
        timer.record(Math.max(0, Duration.between(from, to).toNanos()), TimeUnit.NANOSECONDS);
    }

    private Counter events(String outcome) {
        return Counter.builder("panorama.view.events").description("Events by what the view builder did with them")
            .tag("outcome", outcome).register(registry);
    }

    /**
     * @param knownProcessed events skipped because they were recorded as processed
     * @param deadLetters records dead-lettered (unreadable, parked or failing a projection)
     */
    void batchApplied(int records, BatchOutcome outcome, int knownProcessed, int deadLetters, long nanos) {
        batchSize.record(records);
        batchDuration.record(nanos, TimeUnit.NANOSECONDS);
        applied.increment(outcome.applied());
        duplicates.increment(outcome.alreadyApplied() + knownProcessed);
        parked.increment(outcome.parked().size());
        deadLettered.increment(deadLetters);
        conflicts.increment(outcome.conflictsRetried());
        outcome.documentsWritten().forEach((view, written) -> Counter.builder("panorama.view.documents.written")
            .description("Documents created or replaced").tag("view", view).register(registry).increment(written));
    }
}
