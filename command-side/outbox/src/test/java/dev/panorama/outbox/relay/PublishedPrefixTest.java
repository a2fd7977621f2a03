package dev.panorama.outbox.relay;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;
import static org.assertj.core.api.Assertions.assertThat;

class PublishedPrefixTest {

    private final List<PendingEvent> batch = List.of(
        pending(1, "a", 1),
        pending(2, "b", 1),
        pending(3, "a", 2),
        pending(4, "a", 3),
        pending(5, "b", 2));

    @Test
    void marksEverythingAcknowledged() {
        assertThat(PublishedPrefix.positions(batch, Set.of(1L, 2L, 3L, 4L, 5L))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void stopsAnAggregateAtItsFirstUnacknowledgedEvent() {
        assertThat(PublishedPrefix.positions(batch, Set.of(1L, 2L, 4L, 5L)))
            .as("a's version 3 was acknowledged, but its version 2 was not and will be sent again")
            .containsExactly(1L, 2L, 5L);
    }

    @Test
    void leavesOtherAggregatesAlone() {
        assertThat(PublishedPrefix.positions(batch, Set.of(1L, 3L, 4L))).containsExactly(1L, 3L, 4L);
    }

    @Test
    void marksNothingWhenNothingWasAcknowledged() {
        assertThat(PublishedPrefix.positions(batch, Set.of())).isEmpty();
    }

    private static PendingEvent pending(long position, String orderId, long version) {
        return new PendingEvent(position, "ftgo.order.events", orderEvent(orderId, version));
    }
}
