package dev.panorama.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * How a Spring Boot jar is launched so that its JVM starts from a class-data sharing archive: the classes
 * it loaded in an earlier run mapped ready-parsed and verified, instead of read, parsed and verified again.
 * On two cores with six services starting at once, loading classes is much of their start-up.
 *
 * <p>Class-data sharing only covers classes loaded from the class path, not from the jars nested inside a
 * Spring Boot jar, so the jar is first extracted next to itself (Spring Boot's {@code -Djarmode=tools
 * extract}: a thin jar whose manifest lists the libraries). The archive lives in that directory; the JVM
 * writes it when the first run after a build exits ({@code -XX:+AutoCreateSharedArchive}, JDK 19+), so
 * that run starts as before and the following ones faster. A rebuilt jar (another size or modification
 * time) is extracted anew, which drops its archive; the JVM itself discards an archive written by another
 * JDK or for other libraries. Whatever cannot be prepared falls back to a plain {@code -jar}.
 */
final class ClassDataSharing {

    private static final String STAMP = "extracted-from";

    private ClassDataSharing() {
    }

    /** The JVM arguments that run the jar: with an archive if its extraction is (or can be made) ready, else plain. */
    static List<String> launchArguments(Path jar) {
        try {
            Path extracted = extracted(jar.toAbsolutePath());
            if (extracted != null) {
                return List.of(
                    // Per jar, in its extracted directory: replaced with it when the jar is rebuilt.
                    "-XX:SharedArchiveFile=" + extracted.resolve("app.jsa"),
                    // Missing or unusable (another JDK, other libraries): run without, and write it at exit.
                    "-XX:+AutoCreateSharedArchive",
                    "-jar", extracted.resolve(jar.getFileName()).toString());
            }
        } catch (IOException | UncheckedIOException e) {
            // A read-only or full disk: start the way it always did.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of("-jar", jar.toString());
    }

    /** The directory of the extracted jar, extracted now if it is missing or from an older build; null if the jar is no Spring Boot jar. */
    private static Path extracted(Path jar) throws IOException, InterruptedException {
        String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path directory = jar.resolveSibling(name + ".extracted");
        if (stamp.equals(readStamp(directory))) {
            return directory;
        }
        if (!isSpringBootJar(jar)) {
            return null;
        }
        // Extracted aside and moved into place, so that a JVM of the same jar starting meanwhile sees all or nothing.
        Path fresh = Files.createTempDirectory(jar.getParent(), name + ".extracting-");
        try {
            Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", fresh.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                return null;
            }
            Files.writeString(fresh.resolve(STAMP), stamp, StandardCharsets.UTF_8);
            Directories.deleteRecursively(directory);
            try {
                Files.move(fresh, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another JVM of this jar got there first.
                return stamp.equals(readStamp(directory)) ? directory : null;
            }
            return directory;
        } finally {
            Directories.deleteRecursively(fresh);
        }
    }

    private static String readStamp(Path directory) {
        try {
            return Files.readString(directory.resolve(STAMP), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isSpringBootJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
        }
    }
}
