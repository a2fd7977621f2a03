package dev.panorama.devstack.mongo;

import dev.panorama.devstack.Ports;
import dev.panorama.devstack.process.ChildOutput;
import dev.panorama.devstack.process.ChildProcesses;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
        ChildOutput.Started started = ChildOutput.start("MongoDB", command, logFile, READY_MARKER, FAILED_MARKER, startTimeout);
        return new ForkedMongoEngine(started.process(), started.announced());
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
