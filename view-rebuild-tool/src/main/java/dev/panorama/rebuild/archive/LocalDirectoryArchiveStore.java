package dev.panorama.rebuild.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * The archive in a local directory (or a mounted volume): object {@code a/b/c} is file {@code <root>/a/b/c}.
 * Every write goes to a hidden temporary file in the same directory, is fsynced, then becomes visible
 * by an atomic file-system operation (a hard link for put-if-absent, which fails if the name is taken;
 * a rename for replace), and the directory is fsynced. A crash leaves at most a hidden temporary file,
 * which listings skip and {@link #discardIncompleteWrites} removes. An object's version is the SHA-256
 * of its content, like an ETag; replace compares it under a file lock, so two processes sharing the
 * directory cannot both win.
 */
public final class LocalDirectoryArchiveStore implements ArchiveStore {

    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path root;
    /** In-process half of the replace lock: a file lock is held per process, not per thread. */
    private final ConcurrentMap<Path, Object> replaceLocks = new ConcurrentHashMap<>();

    public LocalDirectoryArchiveStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive directory " + this.root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The file that holds an object. */
    public Path pathOf(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
            throw new IllegalArgumentException("not an object name: '" + name + "'");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith(".")) {
                throw new IllegalArgumentException("not an object name: '" + name + "'");
            }
        }
        return root.resolve(name);
    }

    @Override
    public boolean putIfAbsent(String name, byte[] content) {
        Path target = pathOf(name);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = writeTemporary(target, content);
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                // No hard links on this file system: check, then rename (a race here is caught by the manifest's compare).
                if (Files.exists(target)) {
                    return false;
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            syncDirectory(target.getParent());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredObject> get(String name) {
        Path path = pathOf(name);
        try {
            byte[] content = Files.readAllBytes(path);
            return Optional.of(new StoredObject(content, Sha256.of(content)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean replace(String name, byte[] content, String expectedVersion) {
        Path target = pathOf(name);
        try {
            Files.createDirectories(target.getParent());
            Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
            synchronized (replaceLocks.computeIfAbsent(target, key -> new Object())) {
                try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockChannel.lock()) {
                    String current = get(name).map(StoredObject::version).orElse(null);
                    if (current == null ? expectedVersion != null : !current.equals(expectedVersion)) {
                        return false;
                    }
                    Path temporary = writeTemporary(target, content);
                    try {
                        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(temporary);
                    }
                    syncDirectory(target.getParent());
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        List<ObjectInfo> objects = new ArrayList<>();
        for (Path path : filesUnder(prefix)) {
            String name = nameOf(path);
            if (name.startsWith(prefix) && !hidden(path)) {
                objects.add(new ObjectInfo(name, sizeOf(path)));
            }
        }
        objects.sort(Comparator.comparing(ObjectInfo::name));
        return objects;
    }

    @Override
    public void delete(String name) {
        Path path = pathOf(name);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> discardIncompleteWrites(String prefix, Duration olderThan) {
        Instant cutOff = Instant.now().minus(olderThan);
        List<String> removed = new ArrayList<>();
        try {
            for (Path path : filesUnder(prefix)) {
                String name = nameOf(path);
                if (name.startsWith(prefix) && isTemporary(path) && Files.getLastModifiedTime(path).toInstant().isBefore(cutOff)) {
                    Files.deleteIfExists(path);
                    removed.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            // Removed meanwhile by someone else: nothing left to do for it.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** The regular files in the deepest directory the prefix names (so a partition's prefix walks only that partition). */
    private List<Path> filesUnder(String prefix) {
        int slash = prefix.lastIndexOf('/');
        Path base = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(base)) {
                return files.filter(Files::isRegularFile).toList();
            } catch (UncheckedIOException e) {
                // A temporary file of a concurrent write vanished during the walk: look again.
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == 3) {
                    throw new UncheckedIOException("cannot list " + base + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
            }
        }
    }

    private Path writeTemporary(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return temporary;
    }

    /** Makes a rename or link durable; some systems cannot open a directory, and there the rename is all there is. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows): nothing more can be done.
        }
    }

    private String nameOf(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static boolean isTemporary(Path path) {
        String file = path.getFileName().toString();
        return file.startsWith(".") && file.endsWith(TEMPORARY_SUFFIX);
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
