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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The output of an engine's child JVM that announces its start with a marker line: every line is copied
 * to a log file, and the start is known from {@code <ready marker> <what it tells>} or
 * {@code <failed marker> <why>}. Ending before either fails the start with the child's last lines.
 */
public final class ChildOutput {

    private static final int TAIL_LINES = 40;

    private ChildOutput() {
    }

    /** A child that announced its start; {@code announced} is the text after its ready marker (such as its address). */
    public record Started(Process process, String announced) {
    }

    /**
     * Starts {@code command} (output and errors to {@code logFile}) and waits for its ready marker; a child that
     * fails, ends or stays silent past {@code timeout} is killed, and the start fails with the reason.
     *
     * @param engine the engine's name, for messages
     */
    public static Started start(String engine, List<String> command, Path logFile, String readyMarker, String failedMarker,
                                Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new EngineStartupException(engine + ": could not start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> ready = follow(process, logFile, readyMarker, failedMarker);
        try {
            return new Started(process, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            ChildProcesses.kill(process);
            throw new EngineStartupException(engine + ": not ready within " + timeout.toSeconds() + " s; its output is in " + logFile
                + " (a slow or overloaded machine? raise panorama.engines.start-timeout)");
        } catch (ExecutionException e) {
            ChildProcesses.kill(process);
            throw new EngineStartupException(engine + ": " + e.getCause().getMessage() + "; full output in " + logFile);
        } catch (InterruptedException e) {
            ChildProcesses.kill(process);
            Thread.currentThread().interrupt();
            throw new EngineStartupException(engine + ": interrupted while starting");
        }
    }

    /** Reads the child's output on a daemon thread; the future completes with the text after the ready marker. */
    private static CompletableFuture<String> follow(Process child, Path logFile, String readyMarker, String failedMarker) {
        Directories.create(logFile.toAbsolutePath().getParent());
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("child-output-" + child.pid()).start(() -> copy(child, logFile, readyMarker, failedMarker, ready));
        return ready;
    }

    private static void copy(Process child, Path logFile, String readyMarker, String failedMarker, CompletableFuture<String> ready) {
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                if (!ready.isDone()) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                    if (line.startsWith(readyMarker)) {
                        ready.complete(line.substring(readyMarker.length()).trim());
                    } else if (line.startsWith(failedMarker)) {
                        ready.completeExceptionally(new IllegalStateException(line.substring(failedMarker.length()).trim()));
                    }
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("it exited before it started; last output:\n  " + String.join("\n  ", tail)));
    }
}
