package dev.panorama.rebuild.archiver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LivenessFileTest {

    @TempDir
    Path directory;

    @Test
    void movesTheFilesTimeForwardAtMostEveryInterval() throws IOException {
        Path file = directory.resolve("alive");
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");

        new LivenessFile(file, Duration.ofSeconds(5), Clock.fixed(t0, ZoneOffset.UTC)).run();
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(t0);

        LivenessFile liveness = new LivenessFile(file, Duration.ofSeconds(5), Clock.fixed(t0.plusSeconds(10), ZoneOffset.UTC));
        liveness.run();
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(t0.plusSeconds(10));
    }

    @Test
    void doesNotTouchTheFileAgainWithinTheInterval() throws IOException {
        Path file = directory.resolve("alive");
        Instant[] now = {Instant.parse("2026-11-26T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        LivenessFile liveness = new LivenessFile(file, Duration.ofSeconds(5), clock);
        liveness.run();
        Instant first = Files.getLastModifiedTime(file).toInstant();

        now[0] = now[0].plusSeconds(2);
        liveness.run();

        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(first);
    }
}
