package dev.panorama.outbox.relay;

import java.time.Duration;
import java.util.List;

/** What the relay reports about itself; {@link #NONE} when nothing listens. */
public interface OutboxMetrics {

    OutboxMetrics NONE = new OutboxMetrics() {
        @Override
        public void backlog(Backlog backlog) {
        }

        @Override
        public void published(List<Duration> latencies) {
        }

        @Override
        public void publishFailed(int events) {
        }

        @Override
        public void leading(boolean leading) {
        }
    };

    void backlog(Backlog backlog);

    /** @param latencies one per event published: from being written to being published */
    void published(List<Duration> latencies);

    /** Events of a batch left unpublished because the broker refused them or did not answer. */
    void publishFailed(int events);

    void leading(boolean leading);
}
