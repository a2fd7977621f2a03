package dev.panorama.devstack.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending a child process the devstack started: politely first, then for sure. */
public final class ChildProcesses {

    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private ChildProcesses() {
    }

    /** Asks the child to stop (SIGTERM), waits up to {@code grace}, then kills it. */
    public static void stop(Process child, Duration grace) {
        child.destroy();
        try {
            if (!child.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(child);
            }
        } catch (InterruptedException e) {
            kill(child);
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the child (SIGKILL) and waits briefly for it to be gone. */
    public static void kill(Process child) {
        child.destroyForcibly();
        try {
            child.waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
