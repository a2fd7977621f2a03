package dev.panorama.devstack.mongo;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.Ports;
import dev.panorama.devstack.process.ChildOutput;
import dev.panorama.devstack.process.ChildProcesses;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The same wire-protocol server as {@link EmbeddedMongoEngine}, in a JVM of its own, as {@code mongod}
 * is a process of its own: a client's request crosses a process boundary and the server's garbage
 * collections pause no one else. For measurements (the query benchmark's by-id baseline); in-process is
 * the default because it starts faster. The child stops when this JVM goes away (its standard input is
 * a pipe from us).
 */
public final class ForkedMongoEngine implements MongoEngine {

    static final String READY_MARKER = "PANORAMA-MONGO-READY";
    static final String FAILED_MARKER = "PANORAMA-MONGO-FAILED";

    private final Process process;
    private final String connectionString;

    private ForkedMongoEngine(Process process, String connectionString) {
        this.process = process;
        this.connectionString = connectionString;
    }

    /**
     * @param port the port, 0 for any free one
     * @param heap the child's maximum heap, e.g. {@code 1g}
     * @param logFile where the child's output goes
     */
    public static ForkedMongoEngine start(int port, String heap, Path logFile, Duration startTimeout) {
        Ports.requireFree("MongoDB", port, "--mongo-port");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
            "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), MongoServerMain.class.getName(),
            Integer.toString(port == 0 ? Ports.freePort() : port));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new EngineStartupException("MongoDB: could not start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> ready = ChildOutput.follow(process, logFile, READY_MARKER, FAILED_MARKER);
        try {
            return new ForkedMongoEngine(process, ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            ChildProcesses.kill(process);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String reason = e instanceof ExecutionException failed ? failed.getCause().getMessage()
                : e instanceof TimeoutException ? "not ready within " + startTimeout.toSeconds() + " s" : "interrupted";
            throw new EngineStartupException("MongoDB: the wire-protocol server's JVM did not start: " + reason + "; its output is in " + logFile);
        }
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public String describe() {
        return "MongoDB wire protocol (mongo-java-server, in memory, in a JVM of its own, pid " + process.pid() + ") at " + connectionString;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }
}
