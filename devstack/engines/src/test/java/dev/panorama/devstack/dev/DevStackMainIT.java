package dev.panorama.devstack.dev;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dev mode as a user runs it: a separate JVM, stopped with Ctrl-C/SIGTERM or killed outright. */
class DevStackMainIT {

    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration STOP = Duration.ofSeconds(60);

    @TempDir
    Path workDirectory;

    @Test
    void sigtermStopsEveryEngineAndRemovesTheData() throws Exception {
        RunningStack stack = RunningStack.start(workDirectory);
        List<ProcessHandle> engines = stack.engineProcesses();
        assertThat(engines).as("the Elasticsearch JVM and the PostgreSQL server").hasSizeGreaterThanOrEqualTo(2);
        assertThat(workDirectory.resolve("data")).isDirectory();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int second = DevStackMain.run(new String[] {"--work-dir", workDirectory.toString()},
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(second).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("another dev stack (pid " + stack.process.pid() + ") is running");

        // Through the handle: Process.destroy() would also close our end of its output pipe.
        assertThat(stack.process.toHandle().destroy()).isTrue();
        assertThat(stack.process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).isTrue();
        stack.pump.join(STOP.toMillis());
        assertThat(stack.output).contains("Stopping the dev stack...", "Stopped.");
        assertThat(stack.process.exitValue()).isZero();
        await().atMost(STOP).until(() -> engines.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(workDirectory.resolve("data")).doesNotExist();
        assertThat(workDirectory.resolve("devstack.pid")).doesNotExist();
    }

    @Test
    void killNineLeavesNoEngineProcessBehind() throws Exception {
        RunningStack stack = RunningStack.start(workDirectory);
        List<ProcessHandle> engines = stack.engineProcesses();
        assertThat(engines).hasSizeGreaterThanOrEqualTo(2);

        stack.process.destroyForcibly();

        await().atMost(STOP).untilAsserted(() -> assertThat(engines).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void aTakenPortFailsBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = DevStackMain.run(new String[] {"--kafka-port", "0", "--elasticsearch-port", Integer.toString(taken.getLocalPort()),
                    "--postgres-port", "0", "--mongo-port", "0", "--work-dir", workDirectory.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Elasticsearch: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                .contains("--elasticsearch-port");
            assertThat(workDirectory.resolve("devstack.pid")).doesNotExist();
        }
    }

    private record RunningStack(Process process, Thread pump, List<String> output, Path workDirectory) {

        static RunningStack start(Path workDirectory) throws IOException {
            List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DevStackMain.class.getName(),
                "--kafka-port", "0", "--elasticsearch-port", "0", "--postgres-port", "0", "--mongo-port", "0",
                "--work-dir", workDirectory.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(output::add);
                } catch (IOException ignored) {
                    // The process is gone; what it printed is in the list.
                }
            });
            pump.setDaemon(true);
            pump.start();
            await().atMost(START).failFast(() -> !process.isAlive())
                .until(() -> output.stream().anyMatch(line -> line.startsWith(DevStackMain.READY_LINE)));
            return new RunningStack(process, pump, output, workDirectory);
        }

        /** The processes the stack started: its child JVMs, and the postmaster, which pg_ctl detached. */
        List<ProcessHandle> engineProcesses() throws IOException {
            List<ProcessHandle> engines = new ArrayList<>(process.descendants().toList());
            Path postmasterPid = workDirectory.resolve("data/postgres/postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().trim());
            ProcessHandle.of(postmaster).ifPresent(engines::add);
            return engines;
        }
    }
}
