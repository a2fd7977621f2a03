package dev.panorama.views.projection;

import dev.panorama.views.event.SourceKey;
import dev.panorama.views.state.AggregateState;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A view, declared as code: which aggregate states it joins, which of its documents a changed state
 * touches (one, or many for a fan-out such as a restaurant rename), and how a document is rendered from
 * the states. Pure: no I/O but through {@link States}, no framework, no driver, so the live builder, the
 * rebuild tool and the consistency checker run exactly the same code.
 *
 * <p>Rendering from states instead of patching documents event by event keeps every document a
 * function of the states it reads: the order in which events of different aggregates arrive cannot
 * change the result, and counters are recomputed, never incremented, so a redelivery cannot double them.
 */
public interface ViewProjection<D extends ViewDocument> {

    /** The view's name, such as {@code order-history}. */
    String view();

    /** The aggregate types whose states this view reads; events of other types never reach it. */
    Set<String> sourceTypes();

    /** The ids of the documents that {@code changed} contributes to, now. */
    Set<String> affectedDocuments(AggregateState changed, States states);

    /** The document as the states say it is; empty while its root aggregate is unknown. */
    Optional<D> render(String documentId, States states);

    /**
     * The aggregate without whose state the document does not render at all (an order view's order), if
     * the view has one. While that aggregate had no state, nobody can have stored the document, so the
     * runtime writes a document whose root first appeared in the batch without reading it first (the
     * write creates it only if it is absent, so a guess proven wrong by a concurrent writer is a lost race,
     * rendered again). Empty by default: the stored document is always read first.
     */
    default Optional<SourceKey> root(String documentId) {
        return Optional.empty();
    }

    /**
     * The ids of every document a whole set of states gives: what a rebuild writes. By default every
     * document any state touches that renders; a projection whose documents each stand for one aggregate
     * answers from those aggregates alone, without following fan-outs or rendering anything.
     */
    default Set<String> documentIds(InMemoryStates states) {
        Set<String> ids = new HashSet<>();
        for (AggregateState state : states.all()) {
            if (sourceTypes().contains(state.aggregateType())) {
                ids.addAll(affectedDocuments(state, states));
            }
        }
        ids.removeIf(id -> render(id, states).isEmpty());
        return ids;
    }
}
