package dev.jvtpm.daemon.cli;

import dev.jvtpm.engine.state.BlobKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code --print-states}: the state blobs present in the state directory, in swtpm's JSON
 * shape ({@code { "type": "swtpm", "states": [ {"name": "permall", "size": N} ] }}, no trailing
 * newline). Like swtpm 0.7.1 it takes the directory's lock while looking, so it fails while a
 * running TPM uses the directory. swtpm_setup uses it for --not-overwrite.
 */
public final class StatesReport {
    private StatesReport() {}

    public static String json(Path dir) throws IOException {
        Path lockFile = dir.resolve(".lock");
        try (FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw----")))) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new IOException("state directory " + dir + " is in use by another process (lock " + lockFile + ")");
            }
            StringBuilder sb = new StringBuilder();
            for (BlobKind kind : BlobKind.values()) {
                Path f = dir.resolve("tpm2-00." + kind.fileSuffix());
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    sb.append(sb.length() > 0 ? "," : "").append(" {\"name\": \"").append(kind.fileSuffix())
                            .append("\", \"size\": ").append(Files.size(f)).append('}');
                }
            }
            lock.release();
            return "{ \"type\": \"swtpm\", \"states\": [" + sb + (sb.length() > 0 ? " " : "") + "] }";
        }
    }
}
