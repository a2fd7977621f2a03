package dev.panorama.rebuild.replay;

import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;
import dev.panorama.views.runtime.StoredView;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stored view against the documents rendered from a fold, document by document, field by field. A
 * stored document whose version vector is ahead of the fold's (the live builder applied events the fold
 * has not seen yet) is counted apart as ahead, not as a difference: it is what the view will be.
 */
public final class ViewComparison {

    private static final int EXAMPLES = 5;

    private ViewComparison() {
    }

    /** Compares the documents {@code ids} (rendered from {@code states}) with the stored ones, in chunks. */
    public static Report compare(ViewProjection<?> projection, InMemoryStates states, StoredView stored, Collection<String> ids) {
        Report report = new Report();
        List<String> chunk = new ArrayList<>();
        for (String id : ids) {
            chunk.add(id);
            if (chunk.size() == 1_000) {
                compareChunk(projection, states, stored, chunk, report);
                chunk.clear();
            }
        }
        compareChunk(projection, states, stored, chunk, report);
        return report;
    }

    /** Adds the stored documents the fold does not render ({@code expectedIds} are the ones it does). */
    public static void findExtra(StoredView stored, Set<String> expectedIds, InMemoryStates states, Report report) {
        List<String> unexpected = new ArrayList<>();
        stored.forEachId(id -> {
            if (!expectedIds.contains(id)) {
                unexpected.add(id);
            }
        });
        for (int from = 0; from < unexpected.size(); from += 1_000) {
            stored.documents(unexpected.subList(from, Math.min(unexpected.size(), from + 1_000))).forEach((id, json) -> {
                // A document made from an aggregate the fold has not met yet is ahead of the archive, not extra.
                if (aheadOfFold(DocumentJson.MAPPER.readTree(json).path("sourceVersions"), states)) {
                    report.ahead++;
                } else {
                    report.extra++;
                    report.example("extra " + id + ": " + json);
                }
            });
        }
    }

    private static void compareChunk(ViewProjection<?> projection, InMemoryStates states, StoredView stored, List<String> ids,
                                     Report report) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, String> found = stored.documents(ids);
        for (String id : ids) {
            Optional<? extends ViewDocument> rendered = projection.render(id, states);
            if (rendered.isEmpty()) {
                continue;
            }
            report.checked++;
            String have = found.get(id);
            if (have == null) {
                report.missing++;
                report.example("missing " + id);
                continue;
            }
            JsonNode want = DocumentJson.MAPPER.readTree(DocumentJson.toJson(rendered.get()));
            JsonNode stored2 = DocumentJson.MAPPER.readTree(have);
            if (want.equals(stored2)) {
                report.same++;
            } else if (ahead(stored2.path("sourceVersions"), rendered.get().sourceVersions())) {
                report.ahead++;
            } else {
                report.differing++;
                report.example("differs " + id + ": " + fieldDifferences(want, stored2));
            }
        }
    }

    /** {@code restaurantName: expected "Ajanta" but stored "Ajanta Kitchen"; itemCount: missing}: the fields that differ, not the documents. */
    static String fieldDifferences(JsonNode want, JsonNode have) {
        List<String> fields = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>(want.propertyNames());
        names.addAll(have.propertyNames());
        for (String name : names) {
            JsonNode expected = want.get(name);
            JsonNode stored = have.get(name);
            if (expected == null) {
                fields.add(name + ": unexpected " + stored);
            } else if (stored == null) {
                fields.add(name + ": missing (expected " + expected + ")");
            } else if (!expected.equals(stored)) {
                fields.add(name + ": expected " + expected + " but stored " + stored);
            }
        }
        return String.join("; ", fields);
    }

    /** True when the stored vector has every source of the rendered one at the same or a later version, and one later. */
    private static boolean ahead(JsonNode storedVersions, Map<String, Long> rendered) {
        boolean later = false;
        for (Map.Entry<String, Long> entry : rendered.entrySet()) {
            long have = storedVersions.path(entry.getKey()).asLong(0);
            if (have < entry.getValue()) {
                return false;
            }
            later |= have > entry.getValue();
        }
        Set<String> sources = new HashSet<>();
        storedVersions.propertyNames().forEach(sources::add);
        return later || !rendered.keySet().containsAll(sources);
    }

    private static boolean aheadOfFold(JsonNode storedVersions, InMemoryStates states) {
        Set<String> sources = new HashSet<>();
        storedVersions.propertyNames().forEach(sources::add);
        for (String source : sources) {
            long version = storedVersions.path(source).asLong(0);
            long folded = states.version(source);
            if (version > folded) {
                return true;
            }
        }
        return false;
    }

    /** What a comparison found; {@link #clean()} when nothing is missing, extra or different. */
    public static final class Report {
        private long checked;
        private long same;
        private long ahead;
        private long missing;
        private long extra;
        private long differing;
        private final List<String> examples = new ArrayList<>();

        public long checked() {
            return checked;
        }

        public long same() {
            return same;
        }

        public long ahead() {
            return ahead;
        }

        public long missing() {
            return missing;
        }

        public long extra() {
            return extra;
        }

        public long differing() {
            return differing;
        }

        public List<String> examples() {
            return List.copyOf(examples);
        }

        public boolean clean() {
            return missing == 0 && extra == 0 && differing == 0;
        }

        private void example(String text) {
            if (examples.size() < EXAMPLES) {
                examples.add(text.length() > 600 ? text.substring(0, 600) + "…" : text);
            }
        }

        @Override
        public String toString() {
            return checked + " checked: " + same + " equal, " + ahead + " ahead of the archive (newer live), " + missing + " missing, "
                + extra + " extra, " + differing + " differing";
        }
    }
}
