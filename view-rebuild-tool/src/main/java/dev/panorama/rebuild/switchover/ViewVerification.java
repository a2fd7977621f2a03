package dev.panorama.rebuild.switchover;

import dev.panorama.rebuild.archive.ArchiveReader;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.rebuild.replay.ArchiveFold;
import dev.panorama.rebuild.replay.ViewComparison;
import dev.panorama.rebuild.views.ViewStores;
import dev.panorama.views.event.EventReader;
import dev.panorama.views.projection.FullRender;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.StoredView;
import dev.panorama.views.versions.RefusedException;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The consistency checker: folds the whole archive through the view's projection and compares every
 * document with the stored view — missing, extra and differing documents. Documents the live builder
 * made from events the archive does not hold yet are counted as ahead, not as wrong; run it when the
 * archiver has caught up for the sharpest answer.
 */
public final class ViewVerification {

    private final ViewCatalog catalog;
    private final ViewStores stores;
    private final ArchiveReader archive;
    private final EventReader reader;

    public ViewVerification(ViewCatalog catalog, ViewStores stores, ArchiveReader archive, EventReader reader) {
        this.catalog = catalog;
        this.stores = stores;
        this.archive = archive;
        this.reader = reader;
    }

    /**
     * @param version the version to check, or {@code null} for the one readers see
     * @param progress told the records folded so far and the total
     */
    public ViewComparison.Report verify(String view, Integer version, String topicPrefix, BiConsumer<Long, Long> progress) {
        if (!catalog.views().contains(view)) {
            throw new RefusedException("unknown view '" + view + "'; the views are " + String.join(", ", catalog.views()));
        }
        int checked = version != null ? version : stores.registry().get(view)
            .orElseThrow(() -> new RefusedException("view " + view + " is not registered: the view builder never ran against this database"))
            .active();
        ViewCatalog.Entry entry = catalog.find(view, checked)
            .orElseThrow(() -> new RefusedException(view + " has no version " + checked + " in this release"));
        Map<PartitionId, Long> everything = new TreeMap<>();
        for (String type : entry.projection().sourceTypes()) {
            String topic = topicPrefix + reader.catalog().topicOf(type).orElseThrow();
            archive.partitions(topic).forEach(partition -> everything.put(partition, archive.highWaterMark(partition)));
        }
        InMemoryStates states = new InMemoryStates();
        ArchiveFold fold = new ArchiveFold(archive, reader);
        long total = fold.recordsBelow(everything);
        fold.fold(everything, states, done -> progress.accept(done, total));
        SortedSet<String> ids = FullRender.documentIds(entry.projection(), states);
        StoredView stored = stores.store(entry).reads();
        ViewComparison.Report report = ViewComparison.compare(entry.projection(), states, stored, ids);
        ViewComparison.findExtra(stored, ids, states, report);
        return report;
    }
}
