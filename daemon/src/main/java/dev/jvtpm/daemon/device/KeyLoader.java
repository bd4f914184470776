package dev.jvtpm.daemon.device;

import dev.jvtpm.daemon.cli.KeySource;
import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.engine.state.KeyMaterial;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.state.StateKey;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Reads a {@code --key}/{@code --migration-key} source with swtpm's rules: a hex key must have
 * exactly the digits {@code mode=} asks for (32 or 64), a binary key 16 or 32 bytes and no more
 * than the mode's size, a passphrase is stretched to the mode's size; {@code remove} unlinks the
 * file afterwards. Descriptors are read and closed.
 */
public final class KeyLoader {
    /** swtpm reads a key descriptor into a 2 + 64 + 2 byte buffer: "0x", 64 digits, newline. */
    private static final int KEY_FD_BYTES = 68;

    private KeyLoader() {}

    public static StateKey load(KeySource src, String role, DaemonLog.FdOpener fds) throws StateException {
        String where = role + " " + src.describe();
        byte[] content;
        try {
            switch (src.kind()) {
                case FILE:
                case PASSPHRASE_FILE:
                    content = Files.readAllBytes(src.path());
                    break;
                case FD:
                    try (InputStream in = new FileInputStream(fds.open(src.fd()))) {
                        content = readUpTo(in, KEY_FD_BYTES);
                    }
                    break;
                case PASSPHRASE_FD:
                    try (InputStream in = new FileInputStream(fds.open(src.fd()))) {
                        content = readUpTo(in, Integer.MAX_VALUE);
                    }
                    break;
                default:
                    throw new AssertionError(src.kind());
            }
        } catch (IOException e) {
            throw new StateException("cannot read " + where + ": " + e.getMessage(), e);
        }
        byte[] key;
        if (src.passphrase()) {
            key = KeyMaterial.fromPassphrase(content, src.kdf(), src.keyBytes());
        } else {
            key = KeyMaterial.fromKeyFile(content, src.format(), where);
            if (src.format() == KeyMaterial.Format.HEX && key.length != src.keyBytes()) {
                throw new StateException(where + ": the key has " + key.length * 8 + " bits but mode= asks for "
                        + src.keyBytes() * 8 + " (aes-128-cbc/aes-cbc: 32 hex digits, aes-256-cbc: 64)");
            }
            if (src.format() == KeyMaterial.Format.BINARY && key.length > src.keyBytes()) {
                throw new StateException(where + ": the key is larger than mode= allows ("
                        + key.length + " > " + src.keyBytes() + " bytes)");
            }
        }
        if (src.remove() && src.path() != null) {
            try {
                Files.deleteIfExists(src.path());
            } catch (IOException e) {
                throw new StateException("cannot remove " + src.path() + ": " + e.getMessage(), e);
            }
        }
        return new StateKey(key, where);
    }

    /**
     * Reads until EOF or {@code limit} bytes with plain read() calls: the descriptor is usually
     * a pipe (libvirt's pwdfd), on which FileInputStream.readAllBytes fails (it seeks).
     */
    static byte[] readUpTo(InputStream in, int limit) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        while (out.size() < limit) {
            int n = in.read(buf, 0, Math.min(buf.length, limit - out.size()));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
