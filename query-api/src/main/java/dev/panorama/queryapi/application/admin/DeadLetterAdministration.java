package dev.panorama.queryapi.application.admin;

import dev.panorama.queryapi.application.port.in.AdministerDeadLettersUseCase;
import dev.panorama.queryapi.application.port.out.DeadLetters;

import java.util.concurrent.locks.ReentrantLock;

/** Counts and redrives dead letters; one redrive at a time per instance. */
public final class DeadLetterAdministration implements AdministerDeadLettersUseCase {

    private final DeadLetters deadLetters;
    private final int maxScanned;
    private final ReentrantLock redriving = new ReentrantLock();

    /** @param maxScanned the most letters read to count them by reason and topic */
    public DeadLetterAdministration(DeadLetters deadLetters, int maxScanned) {
        this.deadLetters = deadLetters;
        this.maxScanned = maxScanned;
    }

    @Override
    public DeadLetterSummary waiting() {
        return deadLetters.waiting(maxScanned);
    }

    @Override
    public RedriveOutcome redrive(RedriveRequest request) {
        // The redrive group's offsets guard against a redrive elsewhere only once committed: in this instance, refuse a second one outright.
        if (!redriving.tryLock()) {
            throw new RedriveUnderWayException("a redrive is under way in this instance; ask again when it has finished");
        }
        try {
            return new RedriveOutcome(request, deadLetters.redrive(request.reason(), request.dryRun()));
        } finally {
            redriving.unlock();
        }
    }
}
