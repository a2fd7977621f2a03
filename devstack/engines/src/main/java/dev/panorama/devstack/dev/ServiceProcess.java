package dev.panorama.devstack.dev;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.process.OrphanGuard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One of the platform's Spring Boot services, run from its jar in a JVM of its own against the dev
 * stack's engines. Ready when it logs Spring Boot's "Started" line; stopped with SIGTERM (a graceful
 * shutdown), and by an {@link OrphanGuard} if the dev stack dies first.
 */
final class ServiceProcess implements AutoCloseable {

    private static final String STARTED = "Started ";

    private final String name;
    private final Process process;
    private final OrphanGuard guard;

    private ServiceProcess(String name, Process process, OrphanGuard guard) {
        this.name = name;
        this.process = process;
        this.guard = guard;
    }

    static ServiceProcess start(ServiceSpec spec, Map<String, String> environment, Path logFile, Duration timeout) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new EngineStartupException(spec.name() + ": no jar at " + spec.jar() + "; build it first (./mvnw -q -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + System.getProperty("panorama.dev.service-heap", "384m"), "-XX:+UseSerialGC", "-jar", spec.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EngineStartupException(spec.name() + ": could not start java: " + e.getMessage(), e);
        }
        OrphanGuard guard = OrphanGuard.watch(process.pid(), null);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, logFile, started), spec.name() + "-output");
        pump.setDaemon(true);
        pump.start();
        ServiceProcess service = new ServiceProcess(spec.name(), process, guard);
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return service;
        } catch (TimeoutException | ExecutionException e) {
            service.close();
            throw new EngineStartupException(spec.name() + " did not start within " + timeout.toSeconds() + " s; its output is in " + logFile);
        } catch (InterruptedException e) {
            service.close();
            Thread.currentThread().interrupt();
            throw new EngineStartupException(spec.name() + ": interrupted while starting");
        }
    }

    private static void pump(Process process, Path logFile, CompletableFuture<Void> started) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                if (!started.isDone() && line.contains(STARTED) && line.contains("Application")) {
                    started.complete(null);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("exited before it started"));
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        guard.disarm();
    }

    /** A service to run: its name and its executable jar. */
    record ServiceSpec(String name, Path jar) {

        static ServiceSpec parse(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0 || equals == text.length() - 1) {
                throw new IllegalArgumentException("--service takes NAME=JAR, not " + text);
            }
            return new ServiceSpec(text.substring(0, equals), Path.of(text.substring(equals + 1)));
        }
    }
}
