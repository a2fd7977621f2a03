package dev.panorama.views.runtime;

import dev.panorama.views.projection.ViewDocument;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sink of one view: Elasticsearch or MongoDB. Writes are conditional on the concurrency token
 * read with the version vector ({@code if_seq_no}/{@code if_primary_term}, or a revision compare-and-set),
 * so two writers can never overwrite each other blindly.
 */
public interface DocumentStore {

    /** The version vectors and tokens of the stored documents among {@code ids}. One round trip. */
    Map<String, Stored> stored(Collection<String> ids);

    /** Writes in one bulk request; returns the ids whose condition failed and the new token of each document written. */
    Written write(List<Write> writes);

    /** A stored document's version vector and the token a conditional write needs. */
    record Stored(Map<String, Long> sourceVersions, long token, long term) {
    }

    /** Creates the document when {@code expected} is {@code null}, otherwise replaces that stored revision. */
    record Write(ViewDocument document, Stored expected) {
    }

    /**
     * @param conflicts the documents whose condition failed: another writer got there first
     * @param written the documents written, as they are stored now (the token the next conditional write needs)
     */
    record Written(Set<String> conflicts, Map<String, Stored> written) {
    }
}
