package dev.panorama.views.projection;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every version of every view this release knows, with the kind of store each lives in. The live
 * builder maintains the versions the registry names; the rebuild tool builds one of them.
 */
public final class ViewCatalog {

    /** Where a view's documents live. */
    public enum Sink { ELASTICSEARCH, MONGODB }

    /** One version of a view: its projection and its store kind. */
    public record Entry(int version, ViewProjection<?> projection, Sink sink) {

        public String view() {
            return projection.view();
        }

        /** {@code schemas/views/<view>.v<N>.<elasticsearch|mongodb>.json} on the class path. */
        public String mappingResource() {
            return "panorama/schemas/views/" + view() + ".v" + version + "." + sink.name().toLowerCase(java.util.Locale.ROOT) + ".json";
        }
    }

    private final List<Entry> entries;

    public ViewCatalog(List<Entry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparing(Entry::view).thenComparing(Entry::version)).toList();
    }

    /** The FTGO views of this release. */
    public static ViewCatalog ftgo() {
        return new ViewCatalog(List.of(
            new Entry(1, new OrderHistoryProjection(), Sink.ELASTICSEARCH),
            new Entry(2, OrderHistoryProjection.v2(), Sink.ELASTICSEARCH),
            new Entry(1, new AvailableRestaurantsProjection(), Sink.ELASTICSEARCH),
            new Entry(1, new OrderDetailsProjection(), Sink.MONGODB),
            new Entry(1, new ConsumerSummaryProjection(), Sink.MONGODB)));
    }

    public Set<String> views() {
        Set<String> views = new TreeSet<>();
        entries.forEach(entry -> views.add(entry.view()));
        return views;
    }

    public List<Entry> versions(String view) {
        return entries.stream().filter(entry -> entry.view().equals(view)).toList();
    }

    public Optional<Entry> find(String view, int version) {
        return entries.stream().filter(entry -> entry.view().equals(view) && entry.version() == version).findFirst();
    }

    /** The first version of each view: what a new installation starts serving. */
    public List<Entry> firstVersions() {
        return views().stream().map(view -> versions(view).getFirst()).toList();
    }
}
