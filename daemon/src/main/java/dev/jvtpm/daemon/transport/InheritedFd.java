package dev.jvtpm.daemon.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an inherited descriptor number refers to, read from /proc/self/fd (the link target is
 * {@code socket:[inode]}, {@code pipe:[inode]}, or a path), so options can be checked as swtpm
 * checks them with fstat before anything is opened.
 */
public final class InheritedFd {
    private InheritedFd() {}

    public enum Kind { SOCKET, PIPE, REGULAR_FILE, DIRECTORY, OTHER_PATH, ANONYMOUS, CLOSED }

    public static Kind kind(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return Kind.CLOSED;
        }
        if (target.startsWith("socket:[")) {
            return Kind.SOCKET;
        }
        if (target.startsWith("pipe:[")) {
            return Kind.PIPE;
        }
        if (target.startsWith("anon_inode:")) {
            return Kind.ANONYMOUS;
        }
        Path p = Path.of(target);
        if (Files.isDirectory(link)) {
            return Kind.DIRECTORY;
        }
        if (Files.isRegularFile(link)) {
            return Kind.REGULAR_FILE;
        }
        return p.isAbsolute() ? Kind.OTHER_PATH : Kind.ANONYMOUS;
    }

    /** The path an inherited descriptor was opened with (for removing a pid file at exit). */
    public static Path path(int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
    }
}
