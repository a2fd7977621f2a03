package dev.panorama.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the embedded engines listen and keep their files.
 *
 * @param kafkaPort 0 for any free port, likewise the other ports
 * @param dataDirectory a directory for engine data, or {@code null} for temporary directories
 * @param logDirectory where engine output that is not ours (the Elasticsearch JVM) is written
 * @param startTimeout how long one engine may take to start
 */
public record EngineSettings(
    int kafkaPort,
    int elasticsearchPort,
    int postgresPort,
    int mongoPort,
    Path dataDirectory,
    Path logDirectory,
    Duration startTimeout
) {

    public static final String START_TIMEOUT_PROPERTY = "panorama.engines.start-timeout";

    /** Free ports, temporary data; logs under the module's {@code target/} when there is one. */
    public static EngineSettings forTests() {
        Path target = Path.of("target");
        Path logs = Files.isDirectory(target) ? target.resolve("devstack-logs") : Path.of(System.getProperty("java.io.tmpdir"), "panorama-devstack-logs");
        return new EngineSettings(0, 0, 0, 0, null, logs.toAbsolutePath(), startTimeoutFromProperty());
    }

    public static Duration startTimeoutFromProperty() {
        String seconds = System.getProperty(START_TIMEOUT_PROPERTY, "120");
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            throw new EngineStartupException(START_TIMEOUT_PROPERTY + "=" + seconds + " is not a number of seconds");
        }
    }

    Path dataFor(String engine) {
        return dataDirectory == null ? null : dataDirectory.resolve(engine);
    }
}
