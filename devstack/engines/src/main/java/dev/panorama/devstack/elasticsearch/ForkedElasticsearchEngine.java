package dev.panorama.devstack.elasticsearch;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.Ports;
import dev.panorama.devstack.process.ChildOutput;
import dev.panorama.devstack.process.ChildProcesses;
import dev.panorama.devstack.process.Directories;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Elasticsearch 9 node in a JVM of its own, launched from the server jars on Maven Central with
 * its own class path (sharing ours would drag our Netty, log4j and Jackson versions onto it). The child
 * exits by itself when this JVM goes away (its standard input is a pipe from us), so it never outlives
 * us, not even after {@code kill -9}.
 */
public final class ForkedElasticsearchEngine implements ElasticsearchEngine {

    static final String READY_MARKER = "PANORAMA-ELASTICSEARCH-READY";
    static final String FAILED_MARKER = "PANORAMA-ELASTICSEARCH-FAILED";
    private static final int MINIMUM_JAVA = 21;

    private final Process process;
    private final String httpAddress;
    private final Path home;
    private final boolean ephemeral;

    private ForkedElasticsearchEngine(Process process, String httpAddress, Path home, boolean ephemeral) {
        this.process = process;
        this.httpAddress = httpAddress;
        this.home = home;
        this.ephemeral = ephemeral;
    }

    /**
     * @param httpPort the HTTP port, 0 for any free one
     * @param home the node's home and data directory; {@code null} for a temporary one deleted at stop
     * @param logFile where the node's output goes
     * @param startTimeout how long to wait for the node to report it started
     */
    public static ForkedElasticsearchEngine start(int httpPort, Path home, Path logFile, Duration startTimeout) {
        requireJava();
        Ports.requireFree("Elasticsearch", httpPort, "--elasticsearch-port");
        boolean ephemeral = home == null;
        Path nodeHome = ephemeral ? Directories.temporary("panorama-es-") : Directories.create(home);
        List<String> command = command(httpPort, nodeHome, ephemeral);
        ChildOutput.Started started = ChildOutput.start("Elasticsearch", command, logFile, READY_MARKER, FAILED_MARKER, startTimeout);
        return new ForkedElasticsearchEngine(started.process(), started.announced(), nodeHome, ephemeral);
    }

    private static void requireJava() {
        int feature = Runtime.version().feature();
        if (feature < MINIMUM_JAVA) {
            throw new EngineStartupException("Elasticsearch 9 needs a JDK " + MINIMUM_JAVA + " or newer, this JVM is " + feature
                + " (" + System.getProperty("java.home") + "); set JAVA_HOME to a JDK >= " + MINIMUM_JAVA);
        }
    }

    private static List<String> command(int httpPort, Path home, boolean ephemeral) {
        String classpath = String.join(java.io.File.pathSeparator,
            NodeClasspath.resolve().stream().map(Path::toString).toList());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heap());
        command.add("-Xmx" + heap());
        command.add("-XX:+UseSerialGC");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--add-modules=jdk.incubator.vector");
        command.add("-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false");
        command.add("-Dlog4j2.disable.jmx=true");
        command.add("-Djava.io.tmpdir=" + Directories.create(home.resolve("tmp")));
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classpath);
        command.add(NodeClasspath.MAIN_CLASS);
        command.add(home.toString());
        command.add(Integer.toString(httpPort));
        command.add("panorama-devstack");
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(Boolean.toString(ephemeral));
        return command;
    }

    private static String heap() {
        return System.getProperty("panorama.elasticsearch.heap", "512m");
    }

    @Override
    public String httpUrl() {
        return "http://" + httpAddress;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public String describe() {
        return "Elasticsearch " + "9.2.2 (node from Maven jars, pid " + process.pid() + ") at " + httpUrl()
            + (ephemeral ? "" : ", data in " + home);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
        if (ephemeral) {
            Directories.deleteRecursively(home);
        }
    }
}
