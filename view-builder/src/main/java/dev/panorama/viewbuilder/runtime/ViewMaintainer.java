package dev.panorama.viewbuilder.runtime;

import dev.panorama.viewbuilder.event.DomainEvent;
import dev.panorama.viewbuilder.event.SourceKey;
import dev.panorama.viewbuilder.projection.ViewDocument;
import dev.panorama.viewbuilder.projection.ViewProjection;
import dev.panorama.viewbuilder.runtime.DocumentStore.Stored;
import dev.panorama.viewbuilder.runtime.DocumentStore.Write;
import dev.panorama.viewbuilder.runtime.StateStore.StateUpdate;
import dev.panorama.viewbuilder.state.AggregateState;
import dev.panorama.viewbuilder.state.FoldResult;
import dev.panorama.viewbuilder.state.StateFold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a batch of events to the states and the views, with a bounded number of round trips: the
 * batch's states are loaded at once and saved at once, each view's affected documents are rendered,
 * their stored version vectors read at once, and the documents whose vector moved on written in one
 * conditional bulk request. Safe to run again on the same batch: nothing already applied changes.
 */
public final class ViewMaintainer {

    private final List<ViewProjection<?>> projections;
    private final StateStore states;
    private final Map<String, DocumentStore> sinks;
    private final int maxConflictRetries;

    public ViewMaintainer(List<ViewProjection<?>> projections, StateStore states, Map<String, DocumentStore> sinks, int maxConflictRetries) {
        this.projections = List.copyOf(projections);
        this.states = states;
        this.sinks = Map.copyOf(sinks);
        this.maxConflictRetries = maxConflictRetries;
        for (ViewProjection<?> projection : projections) {
            if (!sinks.containsKey(projection.view())) {
                throw new IllegalArgumentException("no sink for view " + projection.view());
            }
        }
    }

    public BatchOutcome apply(List<DomainEvent> batch) {
        Folded folded = fold(batch);
        states.save(folded.updates());
        Map<String, Integer> written = new TreeMap<>();
        int retried = 0;
        for (ViewProjection<?> projection : projections) {
            Set<String> affected = new LinkedHashSet<>();
            // Fan-outs must see every state saved so far: a fresh, uncached view of the store.
            CachingStates fresh = new CachingStates(states, List.of());
            for (AggregateState touched : folded.touched()) {
                if (projection.sourceTypes().contains(touched.aggregateType())) {
                    affected.addAll(guard(projection, null, () -> projection.affectedDocuments(touched, fresh)));
                }
            }
            Written result = renderAndWrite(projection, affected, folded.touched());
            written.put(projection.view(), result.documents());
            retried += result.retries();
        }
        return new BatchOutcome(folded.applied(), folded.alreadyApplied(), folded.parked(), written, retried);
    }

    private Folded fold(List<DomainEvent> batch) {
        Set<SourceKey> keys = new LinkedHashSet<>();
        batch.forEach(event -> keys.add(event.metadata().source()));
        Map<SourceKey, AggregateState> loaded = states.load(keys);
        Map<SourceKey, AggregateState> current = new HashMap<>(loaded);
        Map<SourceKey, AggregateState> touched = new LinkedHashMap<>();
        Set<SourceKey> blocked = new HashSet<>();
        List<DomainEvent> parked = new ArrayList<>();
        int applied = 0;
        int alreadyApplied = 0;
        for (DomainEvent event : batch) {
            SourceKey key = event.metadata().source();
            if (blocked.contains(key)) {
                parked.add(event);
                continue;
            }
            switch (StateFold.apply(current.get(key), event)) {
                case FoldResult.Applied result -> {
                    current.put(key, result.state());
                    touched.put(key, result.state());
                    applied++;
                }
                case FoldResult.AlreadyApplied result -> {
                    // Re-render anyway: a crash may have come between this state's save and its documents' writes.
                    touched.putIfAbsent(key, result.state());
                    alreadyApplied++;
                }
                case FoldResult.MissingHistory ignored -> {
                    blocked.add(key);
                    parked.add(event);
                }
                case FoldResult.NoState ignored -> {
                }
            }
        }
        List<StateUpdate> updates = new ArrayList<>();
        current.forEach((key, state) -> {
            AggregateState before = loaded.get(key);
            if (before == null || before.version() != state.version()) {
                updates.add(new StateUpdate(state, before == null ? 0 : before.version()));
            }
        });
        return new Folded(updates, List.copyOf(touched.values()), parked, applied, alreadyApplied);
    }

    private Written renderAndWrite(ViewProjection<?> projection, Set<String> ids, List<AggregateState> batchStates) {
        DocumentStore sink = sinks.get(projection.view());
        Set<String> pending = ids;
        int documents = 0;
        int retries = 0;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > maxConflictRetries) {
                throw new IllegalStateException(projection.view() + ": " + pending.size() + " documents still conflict after "
                    + maxConflictRetries + " retries, e.g. " + pending.iterator().next());
            }
            // The first pass knows the batch's own states; a retry after a lost race reads everything afresh.
            CachingStates states = new CachingStates(this.states, attempt == 0 ? batchStates : List.of());
            Map<String, Stored> stored = sink.stored(pending);
            List<Write> writes = new ArrayList<>();
            Set<String> diverged = new HashSet<>();
            for (String id : pending) {
                guard(projection, id, () -> projection.render(id, states)).ifPresent(document -> {
                    Stored current = stored.get(id);
                    switch (decide(document, current)) {
                        case WRITE -> writes.add(new Write(document, current));
                        case RENDER_AGAIN -> diverged.add(id);
                        case SKIP -> {
                        }
                    }
                });
            }
            Set<String> conflicts = writes.isEmpty() ? Set.of() : sink.write(writes);
            documents += writes.size() - conflicts.size();
            pending = new HashSet<>(conflicts);
            pending.addAll(diverged);
            retries += pending.size();
        }
        return new Written(documents, retries);
    }

    /** Runs projection code, telling its own failures apart from the store's. */
    private static <T> T guard(ViewProjection<?> projection, String documentId, java.util.function.Supplier<T> code) {
        try {
            return code.get();
        } catch (StoreFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProjectionFailure(projection.view(), documentId, e);
        }
    }

    private enum Decision { WRITE, SKIP, RENDER_AGAIN }

    /**
     * Write when there is nothing stored or the rendered vector is ahead; skip when the stored one is
     * as new; render again when neither contains the other (another writer saw a newer state of one
     * source while this render saw a newer state of another: states only move on, so a fresh render
     * covers both).
     */
    private static Decision decide(ViewDocument rendered, Stored stored) {
        if (stored == null) {
            return Decision.WRITE;
        }
        boolean ahead = dominates(rendered.sourceVersions(), stored.sourceVersions());
        boolean behind = dominates(stored.sourceVersions(), rendered.sourceVersions());
        if (ahead && !behind) {
            return Decision.WRITE;
        }
        return behind ? Decision.SKIP : Decision.RENDER_AGAIN;
    }

    /** True when {@code candidate} reflects every source of {@code other} at the same or a later version. */
    static boolean dominates(Map<String, Long> candidate, Map<String, Long> other) {
        return other.entrySet().stream().allMatch(entry -> candidate.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
    }

    private record Folded(List<StateUpdate> updates, List<AggregateState> touched, List<DomainEvent> parked, int applied,
                          int alreadyApplied) {
    }

    private record Written(int documents, int retries) {
    }
}
