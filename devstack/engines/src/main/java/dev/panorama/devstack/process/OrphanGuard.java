package dev.panorama.devstack.process;

import dev.panorama.devstack.EngineStartupException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Stops a server process that is not our child (PostgreSQL's postmaster is started by pg_ctl) when this
 * JVM dies, however it dies, even by {@code kill -9}: a tiny {@code sh} waits on a pipe whose only
 * writer is this JVM; when the JVM is gone the pipe reaches end-of-file, and the shell stops the
 * server and removes its data directory. On a normal stop, {@link #disarm()} ends the watcher first.
 */
public final class OrphanGuard {

    private static final String SCRIPT = """
        while read -r _; do :; done
        kill -INT "$1" 2>/dev/null
        i=0
        while kill -0 "$1" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i+1)); done
        kill -KILL "$1" 2>/dev/null
        [ -n "$2" ] && rm -rf "$2"
        exit 0
        """;

    private final Process watcher;

    private OrphanGuard(Process watcher) {
        this.watcher = watcher;
    }

    /**
     * @param pid the process to stop with SIGINT (then SIGKILL after 10 s) once this JVM is gone
     * @param removeAfter a directory to delete after it stopped, or {@code null}
     */
    public static OrphanGuard watch(long pid, Path removeAfter) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "panorama-orphan-guard",
            Long.toString(pid), removeAfter == null ? "" : removeAfter.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return new OrphanGuard(builder.start());
        } catch (IOException e) {
            throw new EngineStartupException("could not start the orphan guard for process " + pid + " (/bin/sh): " + e.getMessage(), e);
        }
    }

    /** The server was stopped normally: end the watcher without letting it act. */
    public void disarm() {
        watcher.destroyForcibly();
    }

    public long pid() {
        return watcher.pid();
    }
}
