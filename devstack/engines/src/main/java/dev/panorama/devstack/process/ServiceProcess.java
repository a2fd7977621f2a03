package dev.panorama.devstack.process;

import dev.panorama.devstack.EngineStartupException;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One of the platform's Spring Boot services, run from its jar in a JVM of its own against real engines
 * (dev mode, and tests that need the service as it ships). Ready when it logs Spring Boot's "Started"
 * line; its output goes to a log file. Stopped with SIGTERM (a graceful shutdown), and by an
 * {@link OrphanGuard} if this JVM dies first. Tests can pause it with SIGSTOP: a real pause, in which
 * none of its threads runs, until {@link #resume()}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String STARTED = "Started ";

    private final String name;
    private final Process process;
    private final OrphanGuard guard;
    private final Path logFile;

    private ServiceProcess(String name, Process process, OrphanGuard guard, Path logFile) {
        this.name = name;
        this.process = process;
        this.guard = guard;
        this.logFile = logFile;
    }

    public static ServiceProcess start(ServiceLaunch launch, Path logFile, Duration timeout) {
        if (!Files.isRegularFile(launch.jar())) {
            throw new EngineStartupException(launch.name() + ": no jar at " + launch.jar() + "; build it first (./mvnw -q -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + launch.heap(),
            // Small heaps and several JVMs on a few cores: one collector thread, none competing for the cores.
            "-XX:+UseSerialGC"));
        // Extracted and started from a class-data sharing archive: about half the start-up once the archive exists.
        command.addAll(launch.classDataSharing() ? ClassDataSharing.launchArguments(launch.jar()) : List.of("-jar", launch.jar().toString()));
        command.addAll(launch.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(launch.environment());
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new EngineStartupException(launch.name() + ": could not start java: " + e.getMessage(), e);
        }
        OrphanGuard guard = OrphanGuard.watch(process.pid(), null);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, logFile, started), launch.name() + "-output");
        pump.setDaemon(true);
        pump.start();
        ServiceProcess service = new ServiceProcess(launch.name(), process, guard, logFile);
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return service;
        } catch (TimeoutException | ExecutionException e) {
            service.close();
            throw new EngineStartupException(launch.name() + " did not start within " + timeout.toSeconds() + " s; its output is in " + logFile);
        } catch (InterruptedException e) {
            service.close();
            Thread.currentThread().interrupt();
            throw new EngineStartupException(launch.name() + ": interrupted while starting");
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

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGSTOP: the JVM stops where it is; it writes nothing, answers nothing and sends no Kafka heartbeat until resumed. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT: a paused JVM carries on where it stopped. Harmless on one that runs. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        // The shell's kill builtin: no dependency on a kill binary being installed.
        ProcessBuilder kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " \"$1\"", "panorama-signal", Long.toString(pid()))
            .redirectErrorStream(true);
        try {
            Process sender = kill.start();
            String output = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!sender.waitFor(10, TimeUnit.SECONDS) || sender.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " (" + name + ") failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid() + " (" + name + ") failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    /** Resumes it if it was paused (a stopped JVM cannot act on SIGTERM), then stops it gracefully, forcibly after 30 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                resume();
            } catch (IllegalStateException e) {
                // It exited meanwhile: nothing to resume.
            }
        }
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
}
