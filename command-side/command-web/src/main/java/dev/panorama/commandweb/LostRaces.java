package dev.panorama.commandweb;

import org.springframework.dao.OptimisticLockingFailureException;

import java.util.function.Supplier;

/**
 * A command that lost an optimistic-locking race (another command changed the aggregate between its read and
 * its write) runs again, in a fresh transaction, when its caller sent no {@code If-Match}: such a caller asked
 * for its change on whatever is current, and a new attempt gives it that. With {@code If-Match} the caller named
 * the version its change was meant for, so the loss is its to see: a 409, as before.
 */
public final class LostRaces {

    /** Attempts in all, the first included: an aggregate that loses three races running is contended, and says so. */
    public static final int ATTEMPTS = 3;

    private LostRaces() {
    }

    /**
     * {@code command}, called again after a lost race unless {@code ifMatch} names a version.
     *
     * @param command one unit of work of the application service (its own transaction), safe to call again
     *     because a lost race rolled it back
     */
    public static <T> T retriedUnlessIfMatch(String ifMatch, Supplier<T> command) {
        boolean blind = EntityTags.expectedVersion(ifMatch).isEmpty();
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (OptimisticLockingFailureException lost) {
                if (!blind || attempt >= ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }
}
