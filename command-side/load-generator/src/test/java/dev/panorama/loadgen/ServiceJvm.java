package dev.panorama.loadgen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command service run from its packaged jar in a JVM of its own, on a free port, as it runs in production.
 * The jar's path comes from the build (system property {@code <service>.jar}).
 */
final class ServiceJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ServiceJvm(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** For tests: start-up time matters more than peak speed. */
    static final List<String> QUICK_START = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** For measurements: the JIT's full optimisation, a heap as the dev stack gives. */
    static final List<String> MEASURED = List.of("-Xmx256m", "-XX:+UseSerialGC");

    /** Starts the service and returns once Spring Boot reports it started. */
    static CompletableFuture<ServiceJvm> start(String service, Map<String, String> environment, Path logDirectory) {
        return start(service, environment, logDirectory, QUICK_START);
    }

    static CompletableFuture<ServiceJvm> start(String service, Map<String, String> environment, Path logDirectory, List<String> jvmOptions) {
        String jar = System.getProperty(service + ".jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no jar for " + service + " (system property " + service + ".jar = " + jar
                + "); build the command services first: ./mvnw -pl command-side/load-generator -am install -DskipTests");
        }
        int port = freePort();
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            Files.createDirectories(logDirectory);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceJvm jvm = new ServiceJvm(service, process, port);
        CompletableFuture<ServiceJvm> started = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name(service + "-output").start(() -> pump(jvm, logDirectory.resolve(service + ".log"), started));
        return started.orTimeout(3, TimeUnit.MINUTES);
    }

    private static void pump(ServiceJvm jvm, Path log, CompletableFuture<ServiceJvm> started) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jvm.process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (!started.isDone() && line.contains("Started ") && line.contains("Application")) {
                    started.complete(jvm);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException(jvm.name + " exited before it started; see " + log));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
