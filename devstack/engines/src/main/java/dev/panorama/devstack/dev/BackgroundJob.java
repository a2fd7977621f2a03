package dev.panorama.devstack.dev;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.process.OrphanGuard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Demo data for dev mode: the load generator, run once the services are up, sends a few hundred orders
 * through their life cycle at a gentle rate so that every view has something to show. Its progress is
 * printed with a prefix; it is stopped with the stack if it has not finished.
 */
final class DemoTraffic implements AutoCloseable {

    static final List<String> ARGUMENTS = List.of("--seed", "2026", "--restaurants", "12", "--consumers", "30", "--orders", "300",
        "--rate", "40", "--concurrency", "4", "--progress", "15s");

    private final Process process;
    private final OrphanGuard guard;

    private DemoTraffic(Process process, OrphanGuard guard) {
        this.process = process;
        this.guard = guard;
    }

    static DemoTraffic start(Path loadGeneratorJar, PrintStream out) {
        if (!Files.isRegularFile(loadGeneratorJar)) {
            throw new EngineStartupException("--demo-data: no load generator jar at " + loadGeneratorJar + "; build it first (./mvnw -q -DskipTests package)");
        }
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m", "-XX:+UseSerialGC", "-jar", loadGeneratorJar.toString()));
        command.addAll(ARGUMENTS);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new EngineStartupException("--demo-data: could not start java: " + e.getMessage(), e);
        }
        Thread.ofPlatform().daemon().name("demo-traffic-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        out.println("  demo data: " + line);
                    }
                }
            } catch (IOException e) {
                out.println("  demo data: output lost: " + e.getMessage());
            }
        });
        return new DemoTraffic(process, OrphanGuard.watch(process.pid(), null));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        guard.disarm();
    }
}
