package dev.panorama.views.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/** A view's documents as stored, for comparing them with a fresh render: the rebuild's check and the consistency checker. */
public interface StoredView {

    /** The stored documents among {@code ids}, as JSON text without the store's own fields ({@code _id}, {@code _rev}). */
    Map<String, String> documents(Collection<String> ids);

    /** How many documents are stored; counts every write acknowledged before the call. */
    long count();

    /** Every stored document's id, in no particular order; sees every write acknowledged before the call. */
    void forEachId(Consumer<String> action);
}
