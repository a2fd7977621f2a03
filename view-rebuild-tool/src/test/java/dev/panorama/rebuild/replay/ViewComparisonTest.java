package dev.panorama.rebuild.replay;

import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.fixtures.Events;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.runtime.StoredView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ViewComparisonTest {

    private final Events events = new Events();
    private final InMemoryStates states = new InMemoryStates();
    private final OrderHistoryProjection projection = new OrderHistoryProjection();
    private final Map<String, String> stored = new TreeMap<>();
    private final StoredView view = new StoredView() {
        @Override
        public Map<String, String> documents(Collection<String> ids) {
            Map<String, String> found = new TreeMap<>();
            ids.forEach(id -> {
                if (stored.containsKey(id)) {
                    found.put(id, stored.get(id));
                }
            });
            return found;
        }

        @Override
        public long count() {
            return stored.size();
        }

        @Override
        public void forEachId(Consumer<String> action) {
            stored.keySet().forEach(action);
        }
    };

    @Test
    void tellsEqualMissingDifferingAheadAndExtraDocumentsApart() {
        for (String order : List.of("o1", "o2", "o3", "o4")) {
            states.apply(events.orderCreated(order, "c1", "r1", "1.00"));
        }
        stored.put("o1", render("o1"));
        ObjectNode differing = (ObjectNode) DocumentJson.MAPPER.readTree(render("o2"));
        differing.put("status", "CANCELLED");
        stored.put("o2", differing.toString());
        ObjectNode ahead = (ObjectNode) DocumentJson.MAPPER.readTree(render("o3"));
        ahead.put("status", "APPROVED");
        ((ObjectNode) ahead.get("sourceVersions")).put("order:o3", 2);
        stored.put("o3", ahead.toString());
        stored.put("o9", "{\"orderId\":\"o9\",\"sourceVersions\":{\"order:o9\":1}}");
        stored.put("o8", "{\"orderId\":\"o8\",\"sourceVersions\":{\"order:o1\":1}}");

        ViewComparison.Report report = ViewComparison.compare(projection, states, view, List.of("o1", "o2", "o3", "o4"));
        ViewComparison.findExtra(view, Set.of("o1", "o2", "o3", "o4"), states, report);

        assertThat(report.checked()).isEqualTo(4);
        assertThat(report.same()).isEqualTo(1);
        assertThat(report.differing()).isEqualTo(1);
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.ahead()).as("o3 and o9: made from events the fold has not seen").isEqualTo(2);
        assertThat(report.extra()).as("o8: nothing in the fold makes it").isEqualTo(1);
        assertThat(report.clean()).isFalse();
        assertThat(String.join("\n", report.examples())).contains("differs o2: status: expected \"APPROVAL_PENDING\" but stored \"CANCELLED\"").contains("missing o4").contains("extra o8");
    }

    @Test
    void aViewEqualToTheFoldIsClean() {
        states.apply(events.orderCreated("o1", "c1", "r1", "1.00"));
        stored.put("o1", render("o1"));

        ViewComparison.Report report = ViewComparison.compare(projection, states, view, List.of("o1"));
        ViewComparison.findExtra(view, Set.of("o1"), states, report);

        assertThat(report.clean()).isTrue();
        assertThat(report.toString()).startsWith("1 checked: 1 equal");
    }

    private String render(String id) {
        return DocumentJson.toJson(projection.render(id, states).orElseThrow());
    }
}
