package dev.jvtpm.daemon.process;

import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.daemon.transport.InheritedFd;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The pid file as swtpm writes it: the decimal pid without a newline, file mode 0644, opened
 * O_NOFOLLOW and truncated; with {@code fd=} the inherited descriptor is written and closed and
 * the path it refers to is what gets removed at exit.
 */
public final class PidFile {
    private PidFile() {}

    /** Writes the pid; returns the path to remove at exit. */
    public static Path write(PidSpec spec, long pid, DaemonLog.FdOpener fds) throws IOException {
        byte[] text = Long.toString(pid).getBytes(StandardCharsets.US_ASCII);
        if (spec.file() != null) {
            Set<OpenOption> opts = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            try (FileChannel ch = FileChannel.open(spec.file(), opts,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
                ch.write(ByteBuffer.wrap(text));
            }
            return spec.file();
        }
        Path path = InheritedFd.path(spec.fd());
        try (FileOutputStream out = new FileOutputStream(fds.open(spec.fd()))) {
            out.write(text);
        }
        return path;
    }
}
