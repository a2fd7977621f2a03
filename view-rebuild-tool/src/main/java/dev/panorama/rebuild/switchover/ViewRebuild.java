package dev.panorama.rebuild.switchover;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.Manifest;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.replay.ArchiveFold;
import dev.panorama.rebuild.replay.ViewComparison;
import dev.panorama.rebuild.snapshot.SnapshotArchive;
import dev.panorama.rebuild.snapshot.SnapshotCoverage;
import dev.panorama.rebuild.switchover.RebuildCheckpoints.Checkpoint;
import dev.panorama.rebuild.views.LiveGroup;
import dev.panorama.rebuild.views.ViewStores;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.projection.FullRender;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.runtime.DocumentStore;
import dev.panorama.views.runtime.DocumentStore.Stored;
import dev.panorama.views.runtime.DocumentStore.Write;
import dev.panorama.views.runtime.ViewVersions.VersionSet;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.versions.RebuildPhase;
import dev.panorama.views.versions.RefusedException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds version N of a view beside the one readers see, then switches readers over.
 *
 * <ol>
 *   <li><b>Register</b> N as building: from its next batch on, the live view builder writes every event it
 *       applies to N as well (it renders whole documents from its states, so what it writes is complete).</li>
 *   <li><b>Hand over</b>: after the builders have seen the registration, the live group's committed offsets
 *       are the line — from them on the live builder covers N, below them this rebuild does.</li>
 *   <li><b>Fold</b> the archive below the line into states in memory (the archiver must have reached it).</li>
 *   <li><b>Write</b> every document of N rendered from those states, in id order, checkpointing as it goes;
 *       a document the live builder already wrote from newer states is left as it is.</li>
 *   <li><b>Verify</b> counts and a sample field by field, then <b>switch</b> readers in one step (the
 *       Elasticsearch alias, or the registry's active version for MongoDB views). The old version stays
 *       maintained for a rollback until it is retired.</li>
 * </ol>
 * Below the line the fold's states are never ahead of the live builder's, so the two writers of N never
 * undo each other: a document's version vector decides, as it does between live builder instances.
 */
public final class ViewRebuild {

    private static final int MAX_CONFLICT_ROUNDS = 5;
    /** About three minutes of back-off in all before a refusing store fails the rebuild. */
    private static final int WRITE_ATTEMPTS = 12;
    private static final Duration FIRST_WRITE_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_WRITE_RETRY = Duration.ofSeconds(30);

    private final ViewCatalog catalog;
    private final ViewStores stores;
    private final RebuildCheckpoints checkpoints;
    private final ArchiveReader archive;
    private final LiveGroup live;
    private final EventReader reader;
    private final SnapshotArchive snapshots;
    private final Clock clock;

    /** @param snapshots the snapshots kept in the archive */
    public ViewRebuild(ViewCatalog catalog, ViewStores stores, RebuildCheckpoints checkpoints, ArchiveReader archive, SnapshotArchive snapshots,
                       LiveGroup live, EventReader reader, Clock clock) {
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.stores = stores;
        this.checkpoints = checkpoints;
        this.archive = archive;
        this.live = live;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * @param topicPrefix prefixed to the catalogue's topic names, as the live builder's
     * @param handoverWait how long the live builders get to see the registration (twice their registry refresh at least)
     * @param archiveWait how long to wait for the archiver to reach the handover line
     * @param sample how many documents the verification compares field by field
     * @param batch documents per bulk write
     * @param maxUnreadablePercent the share of the events read below the line that may be unreadable before the rebuild
     *     refuses to write (the live builder dead-letters them too; many more means the tool reads them wrongly)
     */
    public record Settings(String view, int version, String topicPrefix, Duration handoverWait, Duration archiveWait, int sample,
                           int batch, boolean switchOver, boolean dryRun, boolean useSnapshots, double maxUnreadablePercent) {
    }

    /** Where the rebuild reports what it does. */
    public interface Listener {

        void say(String line);

        /** A step's progress: {@code done} of {@code total} units (records folded, documents written). */
        void progress(String step, long done, long total);
    }

    /** @return what was built and whether readers now see it */
    public Result run(Settings settings, Listener out) {
        ViewCatalog.Entry entry = entry(settings.view(), settings.version());
        VersionSet versions = stores.registry().get(settings.view()).orElseThrow(() -> new RefusedException(
            "view " + settings.view() + " is not registered yet: start the view builder once, it registers the first version of every view"));
        if (versions.active() == settings.version()) {
            throw new RefusedException(settings.view() + " v" + settings.version() + " is already active: nothing to rebuild"
                + (versions.previous() == null ? "" : " ('rollback " + settings.view() + "' switches back to v" + versions.previous() + ")"));
        }
        if (versions.building() != null && versions.building() != settings.version()) {
            throw new RefusedException("a rebuild of " + settings.view() + " v" + versions.building() + " is under way: finish it, or 'abandon "
                + settings.view() + "' first");
        }
        List<PartitionId> partitions = live.partitions(topics(entry.projection(), settings.topicPrefix()));
        if (partitions.isEmpty()) {
            throw new RefusedException("none of the topics of " + settings.view() + " exists: " + topics(entry.projection(), settings.topicPrefix()));
        }
        checkArchive(partitions);
        Checkpoint checkpoint = checkpoints.find(settings.view(), settings.version())
            .filter(found -> found.phase() != RebuildPhase.ABANDONED && found.phase() != RebuildPhase.SWITCHED)
            .filter(found -> versions.building() != null)
            .orElse(null);
        if (settings.dryRun()) {
            plan(settings, entry, versions, partitions, checkpoint).forEach(out::say);
            return new Result(settings.view(), settings.version(), 0, null, false);
        }
        if (checkpoint != null) {
            out.say("resuming the rebuild of " + settings.view() + " v" + settings.version() + " begun " + checkpoint.startedAt()
                + " (" + checkpoint.phase() + (checkpoint.writtenThrough() == null ? "" : ", written through " + checkpoint.writtenThrough()) + ")");
        } else {
            checkpoint = register(settings, entry, versions, out);
        }
        if (checkpoint.phase() == RebuildPhase.REGISTERED) {
            checkpoint = handOver(settings, checkpoint, partitions, out);
        }
        awaitArchive(checkpoint.handover(), settings.archiveWait(), out);

        InMemoryStates states = new InMemoryStates();
        ArchiveFold fold = new ArchiveFold(archive, reader);
        Map<String, AggregateState> base = new HashMap<>();
        List<SnapshotCoverage> coverages = new ArrayList<>();
        if (settings.useSnapshots()) {
            loadSnapshots(entry.projection(), checkpoint.startedAt(), base, coverages, out);
        }
        long total = fold.recordsBelow(checkpoint.handover());
        out.say("folding " + total + " archived records below the handover line");
        ArchiveFold.Outcome folded = fold.fold(checkpoint.handover(), states, base, coverages, done -> out.progress("fold", done, total));
        out.say("folded: " + folded.applied() + " events applied, " + folded.alreadyApplied() + " duplicates, " + folded.heartbeats() + " heartbeats, "
            + folded.unreadable() + " unreadable and " + folded.parked() + " parked (dead-lettered live as well), " + states.size() + " aggregates"
            + (base.isEmpty() ? "" : "; " + folded.fromSnapshot() + " states from snapshots, " + folded.covered() + " events they hold not parsed ("
            + folded.unopened() + " in segments they wholly hold, not even opened), "
            + folded.refolded() + " aggregates ahead of the line folded from their events"));

        refuseIfMostlyUnreadable(settings, folded);

        SortedSet<String> ids = FullRender.documentIds(entry.projection(), states);
        ViewStores.VersionStore store = stores.store(entry);
        if (checkpoint.phase() == RebuildPhase.HANDED_OVER || checkpoint.phase() == RebuildPhase.WRITING) {
            checkpoint = write(settings, entry.projection(), states, ids, store, checkpoint, out);
        }
        ViewComparison.Report check = verify(settings, entry.projection(), states, ids, store, out);
        if (!check.clean()) {
            throw new VerificationFailedException("refusing to switch: " + settings.view() + " v" + settings.version() + " does not match the archive: "
                + check + "; " + String.join("; ", check.examples()));
        }
        checkpoint = checkpoint.at(RebuildPhase.VERIFIED);
        checkpoints.save(checkpoint);
        if (!settings.switchOver()) {
            out.say(settings.view() + " v" + settings.version() + " is built and kept up to date; 'switch " + settings.view() + " --to-version "
                + settings.version() + "' points readers at it");
            return new Result(settings.view(), settings.version(), ids.size(), check, false);
        }
        stores.versionSwitch(catalog, clock).switchTo(settings.view(), settings.version());
        checkpoints.save(checkpoint.at(RebuildPhase.SWITCHED));
        VersionSet now = stores.registry().get(settings.view()).orElseThrow();
        out.say("switched: readers of " + settings.view() + " now see v" + now.active() + "; v" + now.previous()
            + " stays maintained for a rollback ('rollback " + settings.view() + "'), 'retire " + settings.view() + "' drops it");
        return new Result(settings.view(), settings.version(), ids.size(), check, true);
    }

    /**
     * A poison event now and then is the live builder's to dead-letter, and the rebuild leaves it out the same way.
     * When a large share of the archive does not read, the tool is wrong (built with other event schemas, or the
     * archive is damaged in a way its checksums cannot tell), and writing would put a hollow version in front of readers.
     */
    static void refuseIfMostlyUnreadable(Settings settings, ArchiveFold.Outcome folded) {
        long parsed = folded.read() - folded.covered();
        if (folded.unreadable() == 0 || folded.unreadable() * 100.0 <= settings.maxUnreadablePercent() * parsed) {
            return;
        }
        throw new RefusedException(String.format(Locale.ROOT, "%,d of the %,d archived events read below the line are unreadable (%.1f %%, more than the"
                + " --max-unreadable %s %%): a share that high means this tool reads them wrongly (built with other event schemas?), not that they are"
                + " poison; nothing was written to %s v%d, which stays registered as building ('abandon %s' drops it)", folded.unreadable(), parsed,
            folded.unreadable() * 100.0 / parsed, BigDecimal.valueOf(settings.maxUnreadablePercent()).stripTrailingZeros().toPlainString(),
            settings.view(), settings.version(), settings.view()));
    }

    /** The newest snapshot of each source type taken before the rebuild began: its states by source key, and the segments it wholly holds. */
    private void loadSnapshots(ViewProjection<?> projection, Instant before, Map<String, AggregateState> base, List<SnapshotCoverage> coverages,
                               Listener out) {
        out.say("loading the newest snapshots taken before " + before);
        for (String type : new java.util.TreeSet<>(projection.sourceTypes())) {
            List<SnapshotArchive.StoredSnapshot> stored = snapshots.list(type);
            snapshots.newest(type, before).ifPresentOrElse(snapshot -> {
                snapshots.states(snapshot).forEach(state -> base.put(state.source().toString(), state));
                snapshots.coverage(snapshot).ifPresent(coverages::add);
                out.say("using the " + type + " snapshot taken " + snapshot.takenAt() + " (" + snapshot.records() + " aggregates)");
            }, () -> {
                if (!stored.isEmpty()) {
                    out.say("not using the " + type + " snapshot taken " + stored.getFirst().takenAt() + ": it is newer than this rebuild, and may"
                        + " hold events the live view builder and the archive have not seen yet");
                }
            });
        }
    }

    private ViewCatalog.Entry entry(String view, int version) {
        if (!catalog.views().contains(view)) {
            throw new RefusedException("unknown view '" + view + "'; the views are " + String.join(", ", catalog.views()));
        }
        return catalog.find(view, version).orElseThrow(() -> new RefusedException(view + " has no version " + version + " in this release; its versions are "
            + catalog.versions(view).stream().map(known -> "v" + known.version()).toList()));
    }

    private List<String> topics(ViewProjection<?> projection, String prefix) {
        return projection.sourceTypes().stream().sorted()
            .map(type -> prefix + reader.catalog().topicOf(type).orElseThrow(() -> new IllegalStateException("no topic for " + type)))
            .toList();
    }

    /** Refuses before anything changes when the archive cannot give the whole history. */
    private void checkArchive(List<PartitionId> partitions) {
        List<String> problems = new ArrayList<>();
        Map<PartitionId, Long> earliest = live.earliest(partitions);
        for (PartitionId partition : partitions) {
            Manifest manifest = archive.manifest(partition);
            long first = manifest.firstOffset().orElse(-1L);
            if (first > 0) {
                problems.add("the archive of " + partition.topic() + "-" + partition.partition() + " starts at offset " + first
                    + ": events 0.." + (first - 1) + " were never archived");
            } else if (first < 0 && earliest.getOrDefault(partition, 0L) > 0) {
                problems.add("nothing of " + partition.topic() + "-" + partition.partition() + " is archived, and Kafka no longer holds offsets below "
                    + earliest.get(partition));
            }
            problems.addAll(archive.missingSegments(partition));
        }
        if (!problems.isEmpty()) {
            throw new RefusedException("the archive cannot rebuild this view, nothing was changed: " + String.join("; ", problems));
        }
    }

    private List<String> plan(Settings settings, ViewCatalog.Entry entry, VersionSet versions, List<PartitionId> partitions, Checkpoint checkpoint) {
        List<String> lines = new ArrayList<>();
        lines.add("plan for " + settings.view() + " v" + settings.version() + " (dry run: nothing is changed)");
        lines.add("  readers see v" + versions.active() + (versions.previous() == null ? "" : ", v" + versions.previous() + " is kept for a rollback")
            + (checkpoint == null ? "" : "; a rebuild of v" + settings.version() + " is under way (" + checkpoint.phase() + "), it resumes"));
        lines.add("  target: " + stores.describe(entry));
        for (PartitionId partition : partitions) {
            Manifest manifest = archive.manifest(partition);
            lines.add("  archive " + partition.topic() + "-" + partition.partition() + ": " + manifest.segments().size() + " segments, "
                + manifest.records() + " records, up to offset " + (manifest.highWaterMark() - 1));
        }
        lines.add("  1. register v" + settings.version() + " as building: the live view builder writes it from its next batch");
        lines.add("  2. wait (at most " + settings.handoverWait().toSeconds() + " s) until every live view builder writes it, then take the live"
            + " group's committed offsets as the handover line");
        lines.add("  3. wait (at most " + settings.archiveWait().toSeconds() + " s) until the archive reaches the line, fold it, write every document");
        lines.add("  4. verify the document count and " + settings.sample() + " sampled documents field by field against the fold");
        lines.add(settings.switchOver() ? "  5. switch readers to v" + settings.version() + " in one step; v" + versions.active() + " stays for a rollback"
            : "  5. do not switch (--no-switch)");
        return lines;
    }

    private Checkpoint register(Settings settings, ViewCatalog.Entry entry, VersionSet versions, Listener out) {
        if (stores.exists(entry) && versions.previous() != null && versions.previous() == settings.version()) {
            throw new RefusedException(settings.view() + " v" + settings.version() + " is the previous version kept for a rollback: "
                + "'rollback " + settings.view() + "' switches back to it, or 'retire " + settings.view() + "' drops it before a rebuild");
        }
        stores.prepare(entry);
        if (versions.building() == null && !stores.registry().replace(versions, versions.building(settings.version(), clock.instant()))) {
            throw new RefusedException("the versions of " + settings.view() + " changed meanwhile (another rebuild or switch?): run again");
        }
        Checkpoint checkpoint = new Checkpoint(settings.view(), settings.version(), RebuildPhase.REGISTERED, Map.of(), null, clock.instant());
        checkpoints.save(checkpoint);
        out.say("registered " + settings.view() + " v" + settings.version() + " as building in " + stores.describe(entry)
            + ": the live view builder writes it from its next batch");
        return checkpoint;
    }

    /**
     * Waits until every consumer of the live group has said it writes the new version, then takes the
     * group's committed offsets as the line: each consumer says so at the start of a batch, after its
     * previous batch was committed, so everything from the line on reaches the new version.
     */
    private Checkpoint handOver(Settings settings, Checkpoint checkpoint, List<PartitionId> partitions, Listener out) {
        String target = settings.view() + "@v" + settings.version();
        Instant registered = checkpoint.startedAt();
        Instant deadline = clock.instant().plus(settings.handoverWait());
        out.say("waiting (at most " + settings.handoverWait().toSeconds() + " s) until every live view builder writes " + target);
        while (true) {
            int members = live.members();
            List<List<String>> acknowledged = stores.acknowledgements(live.groupId(), registered);
            long maintaining = acknowledged.stream().filter(versions -> versions.contains(target)).count();
            if (members == 0) {
                out.say("no live view builder is running in group " + live.groupId() + ": events after the line reach v" + settings.version()
                    + " when one starts (it reads the registry first)");
                break;
            }
            if (maintaining >= members) {
                out.say("all " + members + " consumers of the live group write " + target);
                break;
            }
            if (!clock.instant().isBefore(deadline)) {
                VersionSet current = stores.registry().get(settings.view()).orElseThrow();
                if (current.building() != null && current.building() == settings.version()) {
                    stores.registry().replace(current, current.building(null, clock.instant()));
                }
                checkpoints.save(checkpoint.at(RebuildPhase.ABANDONED));
                throw new RefusedException("the live view builder does not write " + target + " (" + maintaining + " of " + members
                    + " consumers do; the others maintain " + acknowledged.stream().filter(versions -> !versions.contains(target)).distinct().toList()
                    + "): does it run a release that knows v" + settings.version() + "? The registration was withdrawn; deploy that release and run"
                    + " again");
            }
            sleep(Duration.ofMillis(250));
        }
        Map<PartitionId, Long> line = live.committed(partitions);
        Checkpoint handedOver = checkpoint.handedOver(line);
        checkpoints.save(handedOver);
        out.say("handover line (the live group's committed offsets): " + describe(line));
        return handedOver;
    }

    private void awaitArchive(Map<PartitionId, Long> line, Duration atMost, Listener out) {
        Instant deadline = clock.instant().plus(atMost);
        boolean told = false;
        while (true) {
            Map<PartitionId, Long> behind = new TreeMap<>();
            line.forEach((partition, offset) -> {
                long archived = archive.highWaterMark(partition);
                if (archived < offset) {
                    behind.put(partition, archived);
                }
            });
            if (behind.isEmpty()) {
                return;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new RefusedException("the archive is behind the handover line after " + atMost.toSeconds() + " s: "
                    + describeBehind(behind, line) + "; is the archiver running? Run again once it has caught up: the rebuild resumes");
            }
            if (!told) {
                out.say("waiting for the archiver to reach the handover line: " + describeBehind(behind, line));
                told = true;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private Checkpoint write(Settings settings, ViewProjection<?> projection, InMemoryStates states, SortedSet<String> ids, ViewStores.VersionStore store,
                             Checkpoint checkpoint, Listener out) {
        SortedSet<String> remaining = checkpoint.writtenThrough() == null ? ids : ids.tailSet(checkpoint.writtenThrough() + "\0");
        long total = ids.size();
        long done = total - remaining.size();
        out.say("writing " + remaining.size() + " of " + total + " documents");
        Checkpoint current = checkpoint.at(RebuildPhase.WRITING);
        checkpoints.save(current);
        Iterator<ViewDocument> documents = FullRender.documents(projection, states, remaining);
        Map<String, Long> written = new LinkedHashMap<>();
        // One bulk request in flight, as a plain bulk load has. Meanwhile this thread checkpoints the chunk written
        // before it and renders the next: the store waits for nothing but the bulk requests themselves.
        ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("rebuild-writer").daemon().factory());
        try {
            Future<?> inFlight = null;
            List<ViewDocument> sent = List.of();
            do {
                List<ViewDocument> chunk = new ArrayList<>(settings.batch());
                while (documents.hasNext() && chunk.size() < settings.batch()) {
                    chunk.add(documents.next());
                }
                awaitWritten(inFlight);
                inFlight = chunk.isEmpty() ? null : writer.submit(() -> writePatiently(chunk, store.writes(), written, out));
                if (!sent.isEmpty()) {
                    // The chunk before is written: a resumed rebuild starts after it.
                    current = current.writtenThrough(sent.getLast().id());
                    checkpoints.save(current);
                    done += sent.size();
                    out.progress("write", done, total);
                }
                sent = chunk;
            } while (!sent.isEmpty());
        } finally {
            writer.shutdownNow();
        }
        out.say("written: " + written.getOrDefault("written", 0L) + " documents; " + written.getOrDefault("newer", 0L)
            + " left as the live builder wrote them from newer states");
        return current;
    }

    private static void awaitWritten(Future<?> chunk) {
        if (chunk == null) {
            return;
        }
        try {
            chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing: the rebuild resumes from its last checkpoint", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits out a store that refuses for a while — Elasticsearch answering 429 or tripping a circuit breaker
     * under memory pressure, a node restarting — with back-off, then gives up loudly (the rebuild resumes
     * from its checkpoint). Writing a chunk again is safe: what the failed attempt created comes back as
     * conflicts and is compared like any document the live builder wrote.
     */
    private static void writePatiently(List<ViewDocument> chunk, DocumentStore store, Map<String, Long> counts, Listener out) {
        Duration pause = FIRST_WRITE_RETRY;
        for (int attempt = 1; ; attempt++) {
            Map<String, Long> attemptCounts = new LinkedHashMap<>();
            try {
                writeChunk(chunk, store, attemptCounts);
                attemptCounts.forEach((what, count) -> counts.merge(what, count, Long::sum));
                return;
            } catch (ConflictsPersistException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
                out.say("the store refused a bulk write of " + chunk.size() + " documents (" + e.getMessage() + "); trying again in "
                    + pause.toMillis() + " ms, attempt " + (attempt + 1) + " of " + WRITE_ATTEMPTS);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LAST_WRITE_RETRY) > 0 ? LAST_WRITE_RETRY : pause.multipliedBy(2);
            }
        }
    }

    /** Documents the live builder keeps changing under the rebuild: not a store failure, retrying the chunk would not help. */
    static final class ConflictsPersistException extends IllegalStateException {
        ConflictsPersistException(String message) {
            super(message);
        }
    }

    /**
     * Writes what is absent or older than the fold's render; a document the live builder moved on is left
     * alone. The first round creates every document without reading anything — in a new version nearly all
     * are absent, so a chunk costs one bulk request, as a plain bulk load would; only the documents that
     * already exist (the live builder wrote them) are read and decided on.
     */
    private static void writeChunk(List<ViewDocument> chunk, DocumentStore store, Map<String, Long> counts) {
        Map<String, ViewDocument> pending = new LinkedHashMap<>();
        chunk.forEach(document -> pending.put(document.id(), document));
        DocumentStore.Written created = store.write(chunk.stream().map(document -> new Write(document, null)).toList());
        counts.merge("written", (long) (chunk.size() - created.conflicts().size()), Long::sum);
        pending.keySet().retainAll(created.conflicts());
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > MAX_CONFLICT_ROUNDS) {
                throw new ConflictsPersistException(pending.size() + " documents still conflict with the live builder after " + MAX_CONFLICT_ROUNDS
                    + " rounds, e.g. " + pending.keySet().iterator().next());
            }
            Map<String, Stored> stored = store.stored(pending.keySet());
            List<Write> writes = new ArrayList<>();
            for (ViewDocument document : pending.values()) {
                Stored current = stored.get(document.id());
                if (current == null || aheadOf(document.sourceVersions(), current.sourceVersions())) {
                    writes.add(new Write(document, current));
                } else {
                    counts.merge("newer", 1L, Long::sum);
                }
            }
            DocumentStore.Written result = writes.isEmpty() ? new DocumentStore.Written(java.util.Set.of(), Map.of()) : store.write(writes);
            counts.merge("written", (long) (writes.size() - result.conflicts().size()), Long::sum);
            pending.keySet().retainAll(result.conflicts());
        }
    }

    /** True when {@code candidate} has every source of {@code stored} at the same or a later version, and one later. */
    private static boolean aheadOf(Map<String, Long> candidate, Map<String, Long> stored) {
        boolean later = false;
        for (Map.Entry<String, Long> entry : stored.entrySet()) {
            long mine = candidate.getOrDefault(entry.getKey(), 0L);
            if (mine < entry.getValue()) {
                return false;
            }
            later |= mine > entry.getValue();
        }
        return later || !stored.keySet().containsAll(candidate.keySet());
    }

    private ViewComparison.Report verify(Settings settings, ViewProjection<?> projection, InMemoryStates states, SortedSet<String> ids,
                                         ViewStores.VersionStore store, Listener out) {
        long stored = store.reads().count();
        if (stored < ids.size()) {
            throw new VerificationFailedException("refusing to switch: " + stores.describe(entry(settings.view(), settings.version()))
                + " holds " + stored + " documents, the archive gives " + ids.size());
        }
        List<String> sample = sample(ids, settings.sample());
        ViewComparison.Report report = ViewComparison.compare(projection, states, store.reads(), sample);
        out.say("verified: " + stored + " documents stored (the archive gives " + ids.size() + "; more are new since the handover); sample of "
            + report);
        return report;
    }

    /** Evenly spread over the id order, so that every part of the view is looked at. */
    static List<String> sample(SortedSet<String> ids, int size) {
        if (ids.size() <= size) {
            return List.copyOf(ids);
        }
        List<String> picked = new ArrayList<>(size);
        double step = (double) ids.size() / size;
        double next = 0;
        int index = 0;
        for (String id : ids) {
            if (index++ >= next) {
                picked.add(id);
                next += step;
            }
        }
        return picked;
    }

    private static String describe(Map<PartitionId, Long> offsets) {
        List<String> parts = new ArrayList<>();
        offsets.forEach((partition, offset) -> parts.add(partition.topic() + "-" + partition.partition() + "@" + offset));
        return String.join(", ", parts);
    }

    private static String describeBehind(Map<PartitionId, Long> behind, Map<PartitionId, Long> line) {
        List<String> parts = new ArrayList<>();
        behind.forEach((partition, archived) -> parts.add(partition.topic() + "-" + partition.partition() + " archived below " + archived
            + ", line " + line.get(partition)));
        return String.join(", ", parts);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * @param documents the documents the archive gives the new version
     * @param check the sampled comparison, or {@code null} on a dry run
     */
    public record Result(String view, int version, long documents, ViewComparison.Report check, boolean switched) {
    }

    /** The new version does not match the archive: nothing was switched. */
    public static final class VerificationFailedException extends RuntimeException {

        public VerificationFailedException(String message) {
            super(message);
        }
    }
}
