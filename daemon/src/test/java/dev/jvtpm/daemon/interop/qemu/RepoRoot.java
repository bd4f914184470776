package dev.jvtpm.daemon.interop.qemu;

import java.nio.file.Files;
import java.nio.file.Path;

/** The jvtpm checkout the tests run in (surefire starts them in the module directory). */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path find() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("daemon/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside a jvtpm checkout: " + System.getProperty("user.dir"));
    }
}
