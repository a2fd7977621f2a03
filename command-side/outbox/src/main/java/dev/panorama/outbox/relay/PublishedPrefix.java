package dev.panorama.outbox.relay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events of a batch may be marked published. Per aggregate, only the acknowledged events before
 * its first unacknowledged one: a later event marked while an earlier one is republished would let a
 * reader see the later version first.
 */
final class PublishedPrefix {

    private PublishedPrefix() {
    }

    /** @param batch in position order */
    static List<Long> positions(List<PendingEvent> batch, Set<Long> acknowledged) {
        Set<String> interrupted = new HashSet<>();
        List<Long> markable = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            if (interrupted.contains(event.aggregateKey())) {
                continue;
            }
            if (acknowledged.contains(event.position())) {
                markable.add(event.position());
            } else {
                interrupted.add(event.aggregateKey());
            }
        }
        return markable;
    }
}
