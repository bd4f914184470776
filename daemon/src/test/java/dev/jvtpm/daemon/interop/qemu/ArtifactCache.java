package dev.jvtpm.daemon.interop.qemu;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where downloaded and built guest artifacts (kernel, initramfs) live between test runs: outside
 * the repository, keyed by version, so repeated runs neither download nor commit binaries.
 * Entries are published by an atomic rename, so concurrent test JVMs never see half a file.
 */
final class ArtifactCache {

    /** Overrides the cache location. */
    static final String PROPERTY = "jvtpm.test.cache";

    private final Path root;

    private ArtifactCache(Path root) {
        this.root = root;
    }

    /** {@code -Djvtpm.test.cache}, else {@code $XDG_CACHE_HOME/jvtpm-test}, else {@code ~/.cache/jvtpm-test}. */
    static ArtifactCache standard() throws IOException {
        String configured = System.getProperty(PROPERTY);
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            root = base.resolve("jvtpm-test");
        }
        Files.createDirectories(root);
        return new ArtifactCache(root);
    }

    /** The cached entry's path (which may not exist yet). */
    Path entry(String relative) {
        return root.resolve(relative);
    }

    /** A fresh private scratch directory inside the cache (same file system, so renames are atomic). */
    Path newWorkDir() throws IOException {
        Path tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
        return Files.createTempDirectory(tmp, "work");
    }

    /** Moves a finished file or directory to {@code target}; if another run got there first, keeps theirs. */
    static void publish(Path finished, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cache must be on one file system: " + finished + " -> " + target, e);
        } catch (IOException e) {
            // rename(2) refuses to replace a non-empty directory: another run published first.
            if (!Files.exists(target)) {
                throw e;
            }
            deleteRecursively(finished);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
