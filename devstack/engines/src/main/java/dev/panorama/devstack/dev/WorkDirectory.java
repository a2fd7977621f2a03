package dev.panorama.devstack.dev;

import dev.panorama.devstack.EngineStartupException;
import dev.panorama.devstack.process.Directories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dev stack's directory, owned by one running stack at a time through a pid file. Data left by a
 * stack that died without cleaning up (a {@code kill -9}, a power cut) is removed, and said so.
 */
final class WorkDirectory {

    private static final String PID_FILE = "devstack.pid";

    private final Path root;

    private WorkDirectory(Path root) {
        this.root = root;
    }

    static WorkDirectory claim(Path root, Consumer<String> report) {
        Path absolute = root.toAbsolutePath().normalize();
        Path pidFile = absolute.resolve(PID_FILE);
        Optional<Long> owner = readPid(pidFile);
        if (owner.isPresent() && isAlive(owner.get())) {
            throw new EngineStartupException("another dev stack (pid " + owner.get() + ") is running in " + absolute
                + "; stop it (Ctrl-C in its terminal, or kill " + owner.get() + ") or pass --work-dir DIR");
        }
        WorkDirectory directory = new WorkDirectory(absolute);
        if (owner.isPresent() || Files.exists(directory.data())) {
            report.accept("Removing leftover data in " + directory.data() + " from an earlier run that did not stop cleanly"
                + owner.map(pid -> " (pid " + pid + ")").orElse(""));
            Directories.deleteRecursively(directory.data());
        }
        Directories.create(directory.logs());
        try {
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineStartupException("cannot write " + pidFile + ": " + e.getMessage() + "; is the directory writable?");
        }
        return directory;
    }

    Path root() {
        return root;
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    /** Removes the data and the pid file; logs stay for a look after the run. */
    void release() {
        Directories.deleteRecursively(data());
        try {
            Files.deleteIfExists(root.resolve(PID_FILE));
        } catch (IOException e) {
            // Harmless: the next run sees a pid that is not alive and takes over.
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    private static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
