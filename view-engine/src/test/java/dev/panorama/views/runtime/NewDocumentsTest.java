package dev.panorama.views.runtime;

import dev.panorama.views.event.DomainEvent;
import dev.panorama.views.fixtures.Events;
import dev.panorama.views.fixtures.InMemoryDocumentStore;
import dev.panorama.views.fixtures.InMemoryStateStore;
import dev.panorama.views.projection.OrderHistoryProjection;
import dev.panorama.views.projection.ViewDocument;
import dev.panorama.views.projection.ViewProjection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document whose root aggregate first appears in a batch cannot be stored yet, so the runtime creates
 * it without reading it first; the create is conditional, so a writer that got there meanwhile only
 * costs a second render.
 */
class NewDocumentsTest {

    private final Events events = new Events();
    private final InMemoryStateStore states = new InMemoryStateStore();
    private final ReadCountingStore sink = new ReadCountingStore();
    private final ViewProjection<?> orderHistory = new OrderHistoryProjection();

    @Test
    void anOrderFirstSeenInTheBatchIsCreatedWithoutAReadAndAnOrderSeenBeforeIsRead() {
        maintainer().apply(List.of(events.consumerRegistered("c1", "Ada", "Lovelace"), events.restaurantCreated("r1", "Ajanta", List.of())));
        maintainer().apply(List.of(events.orderCreated("o1", "c1", "r1", "12.34")));

        assertThat(sink.asked).as("ids read before writing").doesNotContain("o1");
        assertThat(sink.documents()).containsKey("o1");

        // A builder that has not written o1 itself (restarted, or after a rebalance) reads it before replacing it.
        BatchOutcome approved = maintainer().apply(List.of(events.orderApproved("o1")));

        assertThat(sink.asked).contains("o1");
        assertThat(approved.documentsWritten()).containsEntry(OrderHistoryProjection.VIEW, 1);
        assertThat(((OrderHistoryProjection.Document) sink.documents().get("o1")).status()).isEqualTo("APPROVED");
    }

    @Test
    void aDocumentAnotherWriterCreatedMeanwhileIsReadAndRenderedAgainNotLost() {
        maintainer().apply(List.of(events.consumerRegistered("c1", "Ada", "Lovelace"), events.restaurantCreated("r1", "Ajanta", List.of())));
        // Another writer stored o1 between this batch's state save and its write: the create must not overwrite it blindly.
        DomainEvent created = events.orderCreated("o1", "c1", "r1", "12.34");
        ViewDocument theirs = orderHistory.render("o1", statesWith(created)).orElseThrow();
        sink.write(List.of(new DocumentStore.Write(theirs, null)));

        BatchOutcome outcome = maintainer().apply(List.of(created));

        assertThat(outcome.conflictsRetried()).isEqualTo(1);
        assertThat(sink.asked).contains("o1");
        assertThat(sink.documents().get("o1")).isEqualTo(orderHistory.render("o1", states).orElseThrow());
    }

    private ViewMaintainer maintainer() {
        return new ViewMaintainer(List.of(orderHistory), states, Map.of(orderHistory.view(), sink), 3);
    }

    private static InMemoryStateStore statesWith(DomainEvent... batch) {
        InMemoryStateStore other = new InMemoryStateStore();
        new ViewMaintainer(List.of(), other, Map.of(), 3).apply(List.of(batch));
        return other;
    }

    /** The in-memory sink, remembering which ids were read before a write. */
    private static final class ReadCountingStore implements DocumentStore {

        final List<String> asked = new ArrayList<>();
        private final InMemoryDocumentStore documents = new InMemoryDocumentStore();

        @Override
        public Map<String, Stored> stored(Collection<String> ids) {
            asked.addAll(ids);
            return documents.stored(ids);
        }

        @Override
        public Written write(List<Write> writes) {
            return documents.write(writes);
        }

        Map<String, ViewDocument> documents() {
            return documents.documents();
        }
    }
}
