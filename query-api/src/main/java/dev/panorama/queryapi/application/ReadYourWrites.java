package dev.panorama.queryapi.application;

import dev.panorama.queryapi.application.DocumentSelector.ByConsumer;
import dev.panorama.queryapi.application.DocumentSelector.ByIds;
import dev.panorama.queryapi.application.DocumentSelector.ByRestaurant;
import dev.panorama.queryapi.application.port.out.AppliedDocuments;
import dev.panorama.queryapi.application.port.out.SourceStates;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides whether a view has applied a caller's write, and waits (bounded, with back-off) until it has,
 * checking again as soon as more may be visible when its store has a {@link BatchWatch}: for a MongoDB view
 * when the view builder finishes a batch, for an Elasticsearch view when a view index refreshes (its
 * documents become searchable only then, so a batch alone is no reason to search again; on a 1 s refresh
 * interval that is one check a second instead of one per batch).
 *
 * <p>The view builder saves an aggregate's folded state <em>before</em> it writes the documents rendered
 * from it, so a state at the token's version only says "the event was read", not "the view shows it".
 * The documents say it: each carries its version vector ({@code sourceVersions}), and a document
 * reflects the write when its entry for the aggregate is at the token's version or later. The state is
 * still read first: as a cheap "not yet" and for the references that tell which documents the write
 * reaches (a delivery's order, an order's consumer). See docs/adr/0003-read-your-writes.md.
 */
public final class ReadYourWrites {

    private final SourceStates states;
    private final List<AppliedDocuments> documents;
    private final ConsistencySettings settings;
    private final Map<View.Store, BatchWatch> watches;

    /** @param watches per store, what wakes a wait for a check at once; a store without one: its waits sleep out their back-off */
    public ReadYourWrites(SourceStates states, List<AppliedDocuments> documents, ConsistencySettings settings, Map<View.Store, BatchWatch> watches) {
        this.states = states;
        this.documents = List.copyOf(documents);
        this.settings = settings;
        this.watches = Map.copyOf(watches);
    }

    /** Returns once {@code view} reflects {@code token}; throws {@link NotYetConsistentException} after the bounded wait. */
    public void await(View view, ConsistencyToken token) {
        if (token == null) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + settings.maxWait().toNanos();
        long pause = settings.initialBackoff().toNanos();
        while (!applied(view, token)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new NotYetConsistentException(token, view, Duration.ofNanos(System.nanoTime() - start), settings.retryAfter());
            }
            if (!pause(watches.get(view.store()), Math.min(pause, remaining))) {
                throw new NotYetConsistentException(token, view, Duration.ofNanos(System.nanoTime() - start), settings.retryAfter());
            }
            pause = Math.min(pause * 2, settings.maxBackoff().toNanos());
        }
    }

    /** Sleeps until {@code watch} sees more that may be visible or {@code nanos} passed; false when interrupted. */
    private static boolean pause(BatchWatch watch, long nanos) {
        if (watch == null) {
            LockSupport.parkNanos(nanos);
            return !Thread.currentThread().isInterrupted();
        }
        try {
            watch.awaitBatch(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when every document of {@code view} that the token's write reaches reflects it. */
    public boolean applied(View view, ConsistencyToken token) {
        if (!view.sourceTypes().contains(token.aggregateType())) {
            return true; // the view is not rendered from that aggregate: nothing to wait for
        }
        Optional<SourceState> state = states.find(token.aggregateType(), token.aggregateId());
        if (state.isEmpty() || state.get().version() < token.version()) {
            return false;
        }
        Optional<DocumentSelector> reached = reached(view, token, state.get());
        return reached.isPresent() && holder(view).reflect(view, reached.get(), token.sourceKey(), token.version());
    }

    /** The documents of {@code view} that a change of the token's aggregate reaches, as the projections define it. */
    private Optional<DocumentSelector> reached(View view, ConsistencyToken token, SourceState state) {
        String id = token.aggregateId().toString();
        return switch (view) {
            case ORDER_HISTORY, ORDER_DETAILS -> switch (token.aggregateType()) {
                case "order" -> Optional.of(new ByIds(Set.of(id)));
                case "delivery" -> reference(state, "orderId").map(orderId -> new ByIds(Set.of(orderId)));
                case "consumer" -> Optional.of(new ByConsumer(id));
                default -> Optional.of(new ByRestaurant(id));
            };
            case AVAILABLE_RESTAURANTS -> Optional.of(new ByIds(Set.of(id)));
            case CONSUMER_SUMMARY -> switch (token.aggregateType()) {
                case "consumer" -> Optional.of(new ByIds(Set.of(id)));
                case "order" -> reference(state, "consumerId").map(consumerId -> new ByIds(Set.of(consumerId)));
                default -> reference(state, "orderId")
                    .flatMap(orderId -> states.find("order", UUID.fromString(orderId)))
                    .flatMap(order -> reference(order, "consumerId"))
                    .map(consumerId -> new ByIds(Set.of(consumerId)));
            };
        };
    }

    private static Optional<String> reference(SourceState state, String name) {
        return Optional.ofNullable(state.references().get(name));
    }

    private AppliedDocuments holder(View view) {
        return documents.stream().filter(candidate -> candidate.holds(view)).findFirst()
            .orElseThrow(() -> new IllegalStateException("no store holds " + view.id()));
    }
}
