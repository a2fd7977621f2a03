package dev.panorama.viewbuilder.adapter.kafka;

import dev.panorama.views.runtime.BatchOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * What the view builder does, as Micrometer meters: events by outcome, batch sizes, how long states and
 * sinks took per batch, documents written per view, conflicting writes rendered again.
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
