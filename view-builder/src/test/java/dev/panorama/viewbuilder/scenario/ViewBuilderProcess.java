package dev.panorama.viewbuilder.scenario;

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
import java.util.concurrent.TimeUnit;

/**
 * One view builder instance in a JVM of its own (the test class path, {@link ViewBuilderProcessMain}),
 * so that a test can kill it with SIGKILL, stop it gently or run several in one consumer group. Its
 * output goes to {@code target/scenario-logs/<name>.log}.
 */
final class ViewBuilderProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final CompletableFuture<Void> started;
    private long peakRssKb;

    private ViewBuilderProcess(String name, Process process, CompletableFuture<Void> started) {
        this.name = name;
        this.process = process;
        this.started = started;
    }

    /** Starts an instance with these Spring properties and waits until its context is up. */
    static ViewBuilderProcess start(String name, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ViewBuilderProcessMain.class.getName());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "scenario-logs", name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Void> started = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, log, started), "output-" + name);
            pump.setDaemon(true);
            pump.start();
            ViewBuilderProcess instance = new ViewBuilderProcess(name, process, started);
            started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return instance;
        } catch (Exception e) {
            throw new IllegalStateException("view builder " + name + " did not start; see " + log, e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<Void> started) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.startsWith(ViewBuilderProcessMain.STARTED)) {
                    started.complete(null);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("the process exited before it started"));
    }

    String name() {
        return name;
    }

    /** SIGKILL: no shutdown hook, no offset commit, no leaving the group. */
    void kill() {
        sampleMemory();
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: Spring closes the listener, which commits and leaves the group. */
    void stop() {
        sampleMemory();
        process.destroy();
        awaitExit();
    }

    /** The highest resident memory seen by the kernel for this process, in MB (sampled at stop or kill). */
    long peakRssMb() {
        sampleMemory();
        return peakRssKb / 1024;
    }

    private void sampleMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Math.max(peakRssKb, Long.parseLong(line.substring(6).replace("kB", "").trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone already, or not Linux: keep what was seen.
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }
}
