package dev.jvtpm.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded default: a 256-bit key in a hex file that is created (mode 0600, in a directory
 * created 0700) the first time it is needed and read afterwards. One key file serves every
 * default-key daemon of a user, so several may create it at the same moment.
 */
public final class GeneratedKeyFile implements KeyProvider {
    private final Path file;

    public GeneratedKeyFile(Path file) {
        this.file = file;
    }

    @Override
    public StateKey key() throws StateException {
        try {
            if (!Files.exists(file)) {
                create();
            }
            return new KeyFileProvider(file, KeyMaterial.Format.HEX).key();
        } catch (IOException e) {
            throw new StateException("cannot create " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the key complete and fsynced under a temporary name, then links it into place:
     * link(2) fails when the key file exists, so of processes racing on first use exactly one key
     * wins and nobody reads a half-written file; the directory is fsynced before any state is
     * sealed with the key, so a power loss cannot keep sealed state but lose its key.
     */
    private void create() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first; use theirs.
            } catch (UnsupportedOperationException noHardLinks) {
                // A file system without hard links: rename, which cannot refuse an existing file.
                if (!Files.exists(file)) {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    @Override
    public String describe() {
        return "generated key file " + file;
    }
}
