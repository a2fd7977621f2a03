package dev.panorama.views.projection;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.state.AggregateState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each projection's shortcut to its document ids (what a rebuild writes) gives exactly the documents the
 * general rule gives: every document any state touches that renders — also for partial histories, where
 * deliveries or orders are known before what they join.
 */
class DocumentIdsTest {

    private static final List<DomainEvent> STORY = FtgoStory.generate(11, 40, 8, 400);

    static Stream<Arguments> histories() {
        return ViewCatalog.ftgo().views().stream().flatMap(view -> ViewCatalog.ftgo().versions(view).stream()).flatMap(entry -> Stream.of(
            Arguments.of(entry.view() + " v" + entry.version() + ", whole story", entry.projection(), STORY),
            Arguments.of(entry.view() + " v" + entry.version() + ", no orders", entry.projection(), without("order")),
            Arguments.of(entry.view() + " v" + entry.version() + ", no consumers", entry.projection(), without("consumer")),
            Arguments.of(entry.view() + " v" + entry.version() + ", first third", entry.projection(), STORY.subList(0, STORY.size() / 3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void theShortcutGivesWhatEveryStateTouchesAndRenders(String name, ViewProjection<?> projection, List<DomainEvent> events) {
        InMemoryStates states = Oracle.states(events);

        Set<String> general = new HashSet<>();
        for (AggregateState state : states.all()) {
            if (projection.sourceTypes().contains(state.aggregateType())) {
                general.addAll(projection.affectedDocuments(state, states));
            }
        }
        general.removeIf(id -> projection.render(id, states).isEmpty());

        assertThat(projection.documentIds(states)).isEqualTo(general);
    }

    private static List<DomainEvent> without(String aggregateType) {
        return STORY.stream().filter(event -> !event.metadata().aggregateType().equals(aggregateType)).toList();
    }
}
