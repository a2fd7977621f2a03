package dev.panorama.rebuild.archiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A file whose modification time the archiver's loop moves forward, at most every {@code every}: a health
 * check that finds it older than a minute knows the loop is stuck (a container's "alive" is not enough).
 */
public final class LivenessFile implements Runnable {

    private final Path file;
    private final Duration every;
    private final Clock clock;
    private Instant last = Instant.MIN;

    public LivenessFile(Path file, Duration every, Clock clock) {
        this.file = file;
        this.every = every;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        if (Duration.between(last, now).compareTo(every) < 0) {
            return;
        }
        try {
            if (Files.notExists(file)) {
                Files.createFile(file);
            }
            Files.setLastModifiedTime(file, FileTime.from(now));
            last = now;
        } catch (IOException e) {
            throw new UncheckedIOException("could not touch the liveness file " + file, e);
        }
    }
}
