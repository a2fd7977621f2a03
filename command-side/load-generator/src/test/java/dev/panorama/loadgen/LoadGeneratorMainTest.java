package dev.panorama.loadgen;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LoadGeneratorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpExplainsTheOptionsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--rate", "--seed", "--duration", "Exit codes", "Idempotency-Key");
    }

    @Test
    void anUnknownWorkloadIsAClearUsageError() {
        assertThat(run("--workload", "orders")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown workload 'orders'");
    }

    @Test
    void aBadDurationIsAClearUsageError() {
        assertThat(run("--duration", "ten minutes")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a duration: 'ten minutes'");
    }

    @Test
    void aNegativeRateIsAClearUsageError() {
        assertThat(run("--rate", "-5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rate must be 0");
    }

    @Test
    void aServiceAddressWithoutSchemeIsAClearUsageError() {
        assertThat(run("--order-service", "localhost:8085")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--order-service must be an http(s) address");
    }

    @Test
    void anUnreachableServiceFailsTheRunWithExitCodeOne() {
        int exit = run("--restaurants", "1", "--consumers", "1", "--orders", "1", "--timeout", "1s",
            "--restaurant-service", "http://127.0.0.1:9");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("the set-up failed", "ConnectException");
    }
}
