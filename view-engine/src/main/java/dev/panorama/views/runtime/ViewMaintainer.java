package dev.panorama.views.runtime;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.event.SourceKey;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.runtime.DocumentStore.Stored;
import dev.panorama.views.runtime.DocumentStore.Write;
import dev.panorama.views.runtime.StateStore.StateUpdate;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.FoldResult;
import dev.panorama.views.state.StateFold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Applies a batch of events to the states and the views, with a bounded number of round trips: the
 * batch's states are loaded at once and saved at once; the fan-outs and renders of all views read the
 * states they join through one batch-wide cache that fetches in bulk ({@link CachingStates}); per view,
 * the stored version vectors it does not know from its own writes ({@link KnownDocuments}) are read at
 * once (except for documents whose root aggregate the batch created: none can be stored yet), and the
 * documents whose vector moved on are written in one conditional bulk request, the four views side by
 * side. Safe to run again on the same batch: nothing already applied changes.
 */
public final class ViewMaintainer {

    /** Per view; at a few hundred bytes a document, some 10 MB per view at most. */
    public static final int DEFAULT_KNOWN_DOCUMENTS = 20_000;

    private final List<ViewTarget> targets;
    private final StateStore states;
    private final int maxConflictRetries;
    private final Map<ViewTarget, KnownDocuments> known = new HashMap<>();
    /** The views' reads and writes of a batch go out side by side: they are independent round trips to different sinks. */
    private final Executor io = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("view-writer-", 0).factory());

    /** Version 1 of each projection, in the sink of its view's name. */
    public ViewMaintainer(List<ViewProjection<?>> projections, StateStore states, Map<String, DocumentStore> sinks, int maxConflictRetries) {
        this(ViewTarget.firstVersions(projections, sinks), states, maxConflictRetries, DEFAULT_KNOWN_DOCUMENTS);
    }

    /** Version 1 of each projection; see {@link #ViewMaintainer(List, StateStore, int, int)}. */
    public ViewMaintainer(List<ViewProjection<?>> projections, StateStore states, Map<String, DocumentStore> sinks, int maxConflictRetries,
                          int knownDocuments) {
        this(ViewTarget.firstVersions(projections, sinks), states, maxConflictRetries, knownDocuments);
    }

    /** @param knownDocuments per target, how many documents' last seen vectors and tokens are kept to save reads */
    public ViewMaintainer(List<ViewTarget> targets, StateStore states, int maxConflictRetries, int knownDocuments) {
        this.targets = List.copyOf(targets);
        this.states = states;
        this.maxConflictRetries = maxConflictRetries;
        for (ViewTarget target : targets) {
            if (known.put(target, new KnownDocuments(knownDocuments)) != null) {
                throw new IllegalArgumentException("target " + target.name() + " given twice");
            }
        }
    }

    /** The view versions this maintainer keeps up to date. */
    public List<ViewTarget> targets() {
        return targets;
    }

    public BatchOutcome apply(List<DomainEvent> batch) {
        Folded folded = fold(batch);
        states.save(folded.updates());
        // Every read below comes after the save, so a fan-out sees every state saved so far (by this
        // writer or another): of two writers that change the two ends of a join, one sees the other's state.
        CachingStates batchStates = new CachingStates(states, folded.touched());
        List<Job> fanOuts = new ArrayList<>();
        for (ViewTarget target : targets) {
            for (AggregateState touched : folded.touched()) {
                if (target.projection().sourceTypes().contains(touched.aggregateType())) {
                    fanOuts.add(new Job(target, touched));
                }
            }
        }
        Map<ViewTarget, Set<String>> affected = new LinkedHashMap<>();
        targets.forEach(target -> affected.put(target, new LinkedHashSet<>()));
        batchStates.resolve(fanOuts, job -> guard(job.target(), null, () -> job.target().projection().affectedDocuments(job.state(), batchStates)))
            .forEach((job, ids) -> affected.get(job.target()).addAll(ids));
        Map<String, Integer> written = new TreeMap<>();
        int retried = 0;
        Map<ViewTarget, Set<String>> pending = affected;
        CachingStates pass = batchStates;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > maxConflictRetries) {
                var first = pending.entrySet().iterator().next();
                throw new IllegalStateException(first.getKey().name() + ": " + first.getValue().size() + " documents still conflict after "
                    + maxConflictRetries + " retries, e.g. " + first.getValue().iterator().next());
            }
            Map<ViewTarget, Set<String>> again = renderAndWrite(pending, pass, attempt == 0, folded.created(), written);
            retried += again.values().stream().mapToInt(Set::size).sum();
            pending = again;
            // A retry after a lost race reads everything afresh.
            pass = new CachingStates(states, List.of());
        }
        targets.forEach(target -> written.putIfAbsent(target.projection().view(), 0));
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
        Set<SourceKey> created = new HashSet<>();
        current.forEach((key, state) -> {
            AggregateState before = loaded.get(key);
            if (before == null) {
                created.add(key);
            }
            if (before == null || before.version() != state.version()) {
                updates.add(new StateUpdate(state, before == null ? 0 : before.version()));
            }
        });
        return new Folded(updates, List.copyOf(touched.values()), parked, applied, alreadyApplied, created);
    }

    /**
     * Renders the documents of every view against one cache, then per view, the views side by side:
     * reads the stored vectors it does not know (a round trip), writes the documents that moved on (a
     * conditional bulk request). Returns, per view, the documents that lost a race or diverged and
     * must be rendered again.
     *
     * @param firstAttempt whether this builder's own knowledge may save reads: what it wrote before, and that a
     *                     document rooted in an aggregate this batch first saved a state of ({@code created}) cannot be
     *                     stored yet; a retry after a lost race reads everything
     */
    private Map<ViewTarget, Set<String>> renderAndWrite(Map<ViewTarget, Set<String>> ids, CachingStates pass, boolean firstAttempt,
                                                              Set<SourceKey> created, Map<String, Integer> written) {
        List<Job> renders = new ArrayList<>();
        ids.forEach((target, documentIds) -> documentIds.forEach(id -> renders.add(new Job(target, id))));
        Map<Job, Optional<? extends ViewDocument>> rendered = pass.resolve(renders,
            job -> guard(job.target(), job.documentId(), () -> job.target().projection().render(job.documentId(), pass)));
        Map<ViewTarget, CompletableFuture<ViewWritten>> perView = new LinkedHashMap<>();
        ids.forEach((target, documentIds) -> {
            if (!documentIds.isEmpty()) {
                perView.put(target, CompletableFuture.supplyAsync(() -> writeView(target, documentIds, rendered, firstAttempt, created), io));
            }
        });
        Map<ViewTarget, Set<String>> again = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Map.Entry<ViewTarget, CompletableFuture<ViewWritten>> entry : perView.entrySet()) {
            try {
                ViewWritten result = entry.getValue().join();
                written.merge(entry.getKey().projection().view(), result.documents(), Integer::sum);
                if (!result.again().isEmpty()) {
                    again.put(entry.getKey(), result.again());
                }
            } catch (CompletionException e) {
                // Every view's request is waited for before the first failure is thrown: none is left running.
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return again;
    }

    private ViewWritten writeView(ViewTarget target, Set<String> ids, Map<Job, Optional<? extends ViewDocument>> rendered,
                                  boolean firstAttempt, Set<SourceKey> created) {
        DocumentStore sink = target.sink();
        KnownDocuments seen = known.get(target);
        Map<String, Stored> stored = firstAttempt ? seen.get(ids) : new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>(ids);
        unknown.removeAll(stored.keySet());
        if (firstAttempt && !created.isEmpty()) {
            // Nothing stored yet for these: they are created, conditionally on still being absent.
            unknown.removeIf(id -> target.projection().root(id).filter(created::contains).isPresent());
        }
        if (!unknown.isEmpty()) {
            Map<String, Stored> read = sink.stored(unknown);
            seen.remember(read);
            stored.putAll(read);
        }
        List<Write> writes = new ArrayList<>();
        Set<String> retry = new LinkedHashSet<>();
        for (String id : ids) {
            rendered.get(new Job(target, id)).ifPresent(document -> {
                Stored current = stored.get(id);
                switch (decide(document, current)) {
                    case WRITE -> writes.add(new Write(document, current));
                    case RENDER_AGAIN -> retry.add(id);
                    case SKIP -> {
                    }
                }
            });
        }
        int documents = 0;
        if (!writes.isEmpty()) {
            DocumentStore.Written result = sink.write(writes);
            seen.remember(result.written());
            documents = writes.size() - result.conflicts().size();
            retry.addAll(result.conflicts());
        }
        if (!retry.isEmpty()) {
            // What this builder knew of them is out of date: the next attempt reads them from the store.
            seen.forget(retry);
        }
        return new ViewWritten(documents, retry);
    }

    /** Runs projection code, telling its own failures apart from the store's. */
    private static <T> T guard(ViewTarget target, String documentId, java.util.function.Supplier<T> code) {
        try {
            return code.get();
        } catch (StoreFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProjectionFailure(target.projection().view(), documentId, e);
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

    /** @param created the aggregates that had no saved state before this batch: saving theirs creates it, or fails */
    private record Folded(List<StateUpdate> updates, List<AggregateState> touched, List<DomainEvent> parked, int applied,
                          int alreadyApplied, Set<SourceKey> created) {
    }

    private record ViewWritten(int documents, Set<String> again) {
    }

    /** A piece of projection work: a fan-out from a changed state, or the render of one document. */
    private record Job(ViewTarget target, AggregateState state, String documentId) {

        Job(ViewTarget target, AggregateState state) {
            this(target, state, null);
        }

        Job(ViewTarget target, String documentId) {
            this(target, null, documentId);
        }
    }
}
