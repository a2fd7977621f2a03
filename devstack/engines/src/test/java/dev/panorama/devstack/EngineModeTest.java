package dev.panorama.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineModeTest {

    @Test
    void autoPrefersContainersWhenDockerAnswers() {
        assertThat(EngineMode.resolve(null, () -> true)).isEqualTo(EngineMode.CONTAINERS);
        assertThat(EngineMode.resolve("auto", () -> false)).isEqualTo(EngineMode.EMBEDDED);
    }

    @Test
    void explicitEmbeddedIgnoresDocker() {
        assertThat(EngineMode.resolve(" Embedded ", () -> true)).isEqualTo(EngineMode.EMBEDDED);
    }

    @Test
    void explicitContainersWithoutDockerFailsClearly() {
        assertThatThrownBy(() -> EngineMode.resolve("containers", () -> false))
            .isInstanceOf(EngineStartupException.class)
            .hasMessageContaining("no Docker engine answers");
    }

    @Test
    void unknownModeIsRejected() {
        assertThatThrownBy(() -> EngineMode.resolve("kubernetes", () -> true))
            .isInstanceOf(EngineStartupException.class)
            .hasMessageContaining("embedded, containers or auto");
    }
}
