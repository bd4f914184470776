package dev.jvtpm.engine.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded default: a 256-bit key in a hex file that is created (mode 0600, in a directory
 * created 0700) the first time it is needed and read afterwards.
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

    private void create() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.write(Files.createFile(file,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; use theirs.
        }
    }

    @Override
    public String describe() {
        return "generated key file " + file;
    }
}
