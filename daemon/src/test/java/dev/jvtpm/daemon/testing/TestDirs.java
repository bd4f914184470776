package dev.jvtpm.daemon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Short temporary directories (Unix socket paths must stay under 108 bytes). */
public final class TestDirs {
    private TestDirs() {}

    public static Path create() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "jvt");
    }

    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
