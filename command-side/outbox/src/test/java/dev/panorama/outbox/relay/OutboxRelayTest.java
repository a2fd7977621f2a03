package dev.panorama.outbox.relay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.panorama.outbox.OutboxEventBuilder.orderEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryOutboxFeed feed = new InMemoryOutboxFeed();
    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private RelaySettings settings = RelaySettings.defaults()
        .withPollInterval(Duration.ofMinutes(1))
        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .withBacklogInterval(Duration.ofMillis(20));
    private OutboxRelay relay;

    @AfterEach
    void closeRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void publishesAppendedEventsInPositionOrderAndMarksThemAfterTheAcknowledgement() {
        feed.append(orderEvent("a", 1));
        feed.append(orderEvent("b", 1));
        feed.append(orderEvent("a", 2));
        start();

        await().atMost(WAIT).until(() -> feed.unpublishedCount() == 0);
        assertThat(publisher.sent()).containsExactly(1L, 2L, 3L);
        assertThat(feed.marks()).containsExactly(List.of(1L, 2L, 3L));
        assertThat(metrics.latencies()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3));
    }

    @Test
    void wakesUpWhenEventsAreAppended() {
        start();
        await().atMost(WAIT).until(relay::isLeading);

        feed.append(orderEvent("a", 1));

        await().atMost(WAIT).until(() -> feed.unpublishedCount() == 0);
        assertThat(publisher.sent()).containsExactly(1L);
    }

    @Test
    void drainsSeveralBatchesForOneWakeUp() {
        settings = settings.withBatchSize(2);
        for (int version = 1; version <= 5; version++) {
            feed.append(orderEvent("a", version));
        }
        start();

        await().atMost(WAIT).until(() -> feed.unpublishedCount() == 0);
        assertThat(feed.marks()).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    }

    @Test
    void keepsTheEventsOfAnAggregateAfterARefusalUnpublishedAndSendsThemAgain() {
        feed.append(orderEvent("a", 1));
        feed.append(orderEvent("a", 2));
        feed.append(orderEvent("a", 3));
        feed.append(orderEvent("b", 1));
        publisher.refuseOnce(2);
        start();

        await().atMost(WAIT).until(() -> feed.unpublishedCount() == 0);
        assertThat(feed.marks())
            .as("a's version 3 was acknowledged in the first batch but waits for its version 2")
            .containsExactly(List.of(1L, 4L), List.of(2L, 3L));
        assertThat(publisher.sent()).containsExactly(1L, 2L, 3L, 4L, 2L, 3L);
        assertThat(metrics.failed()).isEqualTo(2);
    }

    @Test
    void publishesAgainWhatItCouldNotMarkAfterTheSend() {
        feed.append(orderEvent("a", 1));
        feed.append(orderEvent("a", 2));
        feed.failOnMark(1);
        start();

        await().atMost(WAIT).until(() -> feed.unpublishedCount() == 0);
        assertThat(publisher.sent()).containsExactly(1L, 2L, 1L, 2L);
        assertThat(feed.marks()).containsExactly(List.of(1L, 2L));
    }

    @Test
    void publishesNothingWhileAnotherRelayLeadsAndTakesOverWhenItCan() {
        feed.leadable(false);
        start();
        feed.append(orderEvent("a", 1));

        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> publisher.sent().isEmpty());
        assertThat(relay.isLeading()).isFalse();

        feed.leadable(true);
        await().atMost(WAIT).until(() -> feed.unpublishedCount() == 0);
        assertThat(relay.isLeading()).isTrue();
        assertThat(metrics.leading()).isTrue();
    }

    @Test
    void survivesFailuresOfTheStoreAndCarriesOn() {
        feed.failOnLead(3);
        feed.append(orderEvent("a", 1));
        start();

        await().atMost(WAIT).until(() -> feed.unpublishedCount() == 0);
        assertThat(publisher.sent()).containsExactly(1L);
    }

    @Test
    void purgesWithTheRetentionAtTheConfiguredInterval() {
        settings = settings.withPurge(Duration.ofHours(2), Duration.ofMillis(20)).withPollInterval(Duration.ofMillis(10));
        start();

        await().atMost(WAIT).until(() -> feed.purges().size() >= 3);
        assertThat(feed.purges()).containsOnly(Duration.ofHours(2));
    }

    @Test
    void reportsTheBacklogWhileItWaits() {
        feed.leadable(false);
        feed.append(orderEvent("a", 1));
        start();

        await().atMost(WAIT).until(() -> metrics.lastBacklog() != null && metrics.lastBacklog().events() == 1);
    }

    @Test
    void closingStopsTheThreadAndReleasesFeedAndPublisher() {
        start();
        await().atMost(WAIT).until(relay::isLeading);

        relay.close();

        assertThat(relay.isLeading()).isFalse();
        assertThat(feed.closed()).isTrue();
        assertThat(publisher.closed()).isTrue();
        assertThatIllegalStateException().isThrownBy(relay::start).withMessage("an outbox relay starts once");
    }

    @Test
    void closingARelayThatNeverStartedReleasesFeedAndPublisher() {
        new OutboxRelay(feed, publisher, settings, metrics).close();

        assertThat(feed.closed()).isTrue();
        assertThat(publisher.closed()).isTrue();
    }

    private void start() {
        relay = new OutboxRelay(feed, publisher, settings, metrics);
        relay.start();
    }
}
