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
        assertThat(callsWhenEveryAttemptFails("*", new OptimisticLockingFailureException("version 4 is gone")))
            .isEqualTo(LostRaces.ATTEMPTS);
    }

    @Test
    void aCommandWithIfMatchLosesItsRaceOnce() {
        assertThat(callsWhenEveryAttemptFails("\"4\"", new OptimisticLockingFailureException("version 4 is gone"))).isEqualTo(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(callsWhenEveryAttemptFails(null, new DataIntegrityViolationException("check constraint"))).isEqualTo(1);
    }

    @Test
    void anIfMatchNoServiceHandsOutIsRefusedBeforeTheCommandRuns() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> LostRaces.retriedUnlessIfMatch("W/\"4\"", calls::incrementAndGet))
            .isInstanceOf(EntityTags.InvalidIfMatchException.class);
        assertThat(calls).hasValue(0);
    }

    /** Runs a command that fails with {@code failure} every time; checks that the failure reaches the caller and counts the calls. */
    private static int callsWhenEveryAttemptFails(String ifMatch, RuntimeException failure) {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> LostRaces.retriedUnlessIfMatch(ifMatch, () -> {
            calls.incrementAndGet();
            throw failure;
        })).isInstanceOf(failure.getClass());
        return calls.get();
    }
}
