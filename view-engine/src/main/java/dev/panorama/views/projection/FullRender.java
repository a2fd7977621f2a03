package dev.panorama.views.projection;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A whole view rendered from a set of states: every document any state contributes to, each rendered
 * once. What a rebuild writes and what the consistency checker compares a live view with.
 */
public final class FullRender {

    private FullRender() {
    }

    /**
     * The ids of every document of {@code projection} the states give, in id order. A document whose root
     * aggregate is not known yet (a delivery of an order whose creation lies beyond the states) is not one.
     */
    public static SortedSet<String> documentIds(ViewProjection<?> projection, InMemoryStates states) {
        return new TreeSet<>(projection.documentIds(states));
    }

    /** The documents of {@code projection}, rendered lazily in id order: a large view is never held in memory at once. */
    public static Iterator<ViewDocument> documents(ViewProjection<?> projection, InMemoryStates states, SortedSet<String> ids) {
        Iterator<String> remaining = ids.iterator();
        return new Iterator<>() {
            private ViewDocument next = advance();

            private ViewDocument advance() {
                while (remaining.hasNext()) {
                    Optional<? extends ViewDocument> document = projection.render(remaining.next(), states);
                    if (document.isPresent()) {
                        return document.get();
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ViewDocument next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ViewDocument current = next;
                next = advance();
                return current;
            }
        };
    }
}
