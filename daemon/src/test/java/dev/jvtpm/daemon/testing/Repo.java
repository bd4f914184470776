package dev.jvtpm.daemon.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the tests run in (for bin/jvtpm). */
public final class Repo {
    private Repo() {}

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("bin/jvtpm"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("bin/jvtpm not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
