package dev.panorama.devstack.dev;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.process.ChildProcesses;
import dev.panorama.devstack.process.OrphanGuard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A command-line program of the platform run beside the services in dev mode — the demo data's load
 * generator, the event archiver — from its jar in a JVM of its own. Its output lines go to a consumer
 * (the console with a prefix, or a log file); it is stopped with the stack if it has not finished, and
 * by an {@link OrphanGuard} if the dev stack dies first.
 */
final class BackgroundJob implements AutoCloseable {

    /** Demo data: a few hundred orders through their life cycle at a gentle rate, so that every view has something to show. */
    static final List<String> DEMO_DATA_ARGUMENTS = List.of("--seed", "2026", "--restaurants", "12", "--consumers", "30", "--orders", "300",
        "--rate", "40", "--concurrency", "4", "--progress", "15s");

    private final Process process;
    private final OrphanGuard guard;

    private BackgroundJob(Process process, OrphanGuard guard) {
        this.process = process;
        this.guard = guard;
    }

    /**
     * @param option the dev-mode option that named the jar, for messages
     * @param heap the JVM's maximum heap, such as {@code 128m}
     */
    static BackgroundJob start(String option, Path jar, String heap, List<String> arguments, Consumer<String> output) {
        if (!Files.isRegularFile(jar)) {
            throw new EngineStartupException(option + ": no jar at " + jar + "; build it first (./mvnw -q -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap, "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new EngineStartupException(option + ": could not start java: " + e.getMessage(), e);
        }
        Thread.ofPlatform().daemon().name(option.replace("--", "") + "-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        output.accept(line);
                    }
                }
            } catch (IOException e) {
                output.accept("output lost: " + e.getMessage());
            }
        });
        return new BackgroundJob(process, OrphanGuard.watch(process.pid(), null));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
        guard.disarm();
    }
}
