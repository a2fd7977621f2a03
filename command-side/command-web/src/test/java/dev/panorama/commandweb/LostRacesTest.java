package dev.panorama.commandweb;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LostRacesTest {

    @Test
    void aCommandWithoutIfMatchRunsAgainAfterALostRace() {
        AtomicInteger calls = new AtomicInteger();

        String result = LostRaces.retriedUnlessIfMatch(null, () -> {
            if (calls.incrementAndGet() < LostRaces.ATTEMPTS) {
                throw new OptimisticLockingFailureException("version 4 is gone");
            }
            return "applied";
        });

        assertThat(result).isEqualTo("applied");
        assertThat(calls).hasValue(LostRaces.ATTEMPTS);
    }

    @Test
    void aRaceLostOnEveryAttemptReachesTheCaller() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> LostRaces.retriedUnlessIfMatch("*", () -> {
            calls.incrementAndGet();
            throw new OptimisticLockingFailureException("version 4 is gone");
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(calls).hasValue(LostRaces.ATTEMPTS);
    }

    @Test
    void aCommandWithIfMatchLosesItsRaceOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> LostRaces.retriedUnlessIfMatch("\"4\"", () -> {
            calls.incrementAndGet();
            throw new OptimisticLockingFailureException("version 4 is gone");
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> LostRaces.retriedUnlessIfMatch(null, () -> {
            calls.incrementAndGet();
            throw new DataIntegrityViolationException("check constraint");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anIfMatchNoServiceHandsOutIsRefusedBeforeTheCommandRuns() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> LostRaces.retriedUnlessIfMatch("W/\"4\"", calls::incrementAndGet))
            .isInstanceOf(EntityTags.InvalidIfMatchException.class);
        assertThat(calls).hasValue(0);
    }
}
