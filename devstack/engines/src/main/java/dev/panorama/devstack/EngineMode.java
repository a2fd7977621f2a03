package dev.panorama.devstack;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the engines come from: embedded (real engines started from Maven artifacts, no Docker) or
 * containers (the official images through Testcontainers). The system property or environment
 * variable {@code panorama.engines} / {@code PANORAMA_ENGINES} chooses {@code embedded},
 * {@code containers} or {@code auto} (the default: containers when a Docker engine answers).
 */
public enum EngineMode {
    EMBEDDED,
    CONTAINERS;

    public static final String PROPERTY = "panorama.engines";
    public static final String ENVIRONMENT = "PANORAMA_ENGINES";

    public static EngineMode resolve() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        return resolve(configured, EngineMode::dockerAvailable);
    }

    static EngineMode resolve(String configured, BooleanSupplier dockerAvailable) {
        String value = configured == null || configured.isBlank() ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> EMBEDDED;
            case "containers" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new EngineStartupException(PROPERTY + "=containers, but no Docker engine answers;"
                        + " start Docker or use " + PROPERTY + "=embedded");
                }
                yield CONTAINERS;
            }
            case "auto" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default -> throw new EngineStartupException(
                PROPERTY + "=" + configured + " is not understood; use embedded, containers or auto");
        };
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
