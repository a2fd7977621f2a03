package dev.panorama.devstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * The output of an engine's child JVM that announces its start with a marker line: every line is copied
 * to a log file, and the start is known from {@code <ready marker> <what it tells>} or
 * {@code <failed marker> <why>}. Ending before either fails the start with the child's last lines.
 */
public final class ChildOutput {

    private static final int TAIL_LINES = 40;

    private ChildOutput() {
    }

    /** Reads the child's output on a daemon thread; the future completes with the text after the ready marker. */
    public static CompletableFuture<String> follow(Process child, Path logFile, String readyMarker, String failedMarker) {
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
