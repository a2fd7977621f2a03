package dev.panorama.rebuild.switchover;

import dev.panorama.rebuild.replay.ArchiveFold;
import dev.panorama.views.versions.RefusedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnreadableShareTest {

    @Test
    void aFewPoisonEventsAreLeftOutAsTheLiveBuilderLeavesThemOut() {
        assertThatCode(() -> ViewRebuild.refuseIfMostlyUnreadable(settings(1), folded(10_000, 100, 0))).doesNotThrowAnyException();
        assertThatCode(() -> ViewRebuild.refuseIfMostlyUnreadable(settings(0), folded(10_000, 0, 0))).doesNotThrowAnyException();
    }

    @Test
    void aLargeShareOfUnreadableEventsIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> ViewRebuild.refuseIfMostlyUnreadable(settings(1), folded(10_000, 101, 0)))
            .isInstanceOf(RefusedException.class)
            .hasMessageContaining("101 of the 10,000 archived events read below the line are unreadable (1.0 %")
            .hasMessageContaining("--max-unreadable 1 %")
            .hasMessageContaining("'abandon order-history' drops it");
        assertThatThrownBy(() -> ViewRebuild.refuseIfMostlyUnreadable(settings(0), folded(10_000, 1, 0)))
            .isInstanceOf(RefusedException.class);
    }

    @Test
    void eventsASnapshotHoldsAreNotCountedAsRead() {
        // 9,000 held by a snapshot, not parsed: 200 unreadable of the 1,000 parsed is 20 %.
        assertThatThrownBy(() -> ViewRebuild.refuseIfMostlyUnreadable(settings(10), folded(10_000, 200, 9_000)))
            .isInstanceOf(RefusedException.class)
            .hasMessageContaining("200 of the 1,000 archived events");
    }

    private static ViewRebuild.Settings settings(double maxUnreadablePercent) {
        return new ViewRebuild.Settings("order-history", 2, "", Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1_000, true, false, true,
            maxUnreadablePercent);
    }

    private static ArchiveFold.Outcome folded(long read, long unreadable, long covered) {
        return new ArchiveFold.Outcome(read, read - unreadable - covered, 0, unreadable, 0, 0, covered, 0, 0, 0);
    }
}
