package dev.panorama.outbox.relay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Acknowledges everything it is given, except the positions it is told to refuse once. */
final class RecordingEventPublisher implements EventPublisher {

    private final List<Long> sent = new ArrayList<>();
    private final Set<Long> refuseOnce = new HashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    synchronized void refuseOnce(long position) {
        refuseOnce.add(position);
    }

    synchronized List<Long> sent() {
        return List.copyOf(sent);
    }

    boolean closed() {
        return closed.get();
    }

    @Override
    public synchronized Set<Long> publish(List<PendingEvent> events) {
        Set<Long> acknowledged = new HashSet<>();
        for (PendingEvent event : events) {
            sent.add(event.position());
            if (!refuseOnce.remove(event.position())) {
                acknowledged.add(event.position());
            }
        }
        return acknowledged;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
