package dev.jvtpm.daemon.cli;

import dev.jvtpm.engine.state.KeyMaterial;
import java.nio.file.Path;

/**
 * Where a state or migration key comes from, as {@code --key}/{@code --migration-key} say:
 * a key file or descriptor (hex or binary), or a passphrase file or descriptor stretched with
 * PBKDF2 or SHA-512. {@code keyBytes} is what {@code mode=} asks for: 16 for aes-cbc and
 * aes-128-cbc (swtpm's default), 32 for aes-256-cbc.
 */
public record KeySource(Kind kind, Path path, int fd, KeyMaterial.Format format, int keyBytes,
                        KeyMaterial.PassphraseKdf kdf, boolean remove) {
    public enum Kind { FILE, FD, PASSPHRASE_FILE, PASSPHRASE_FD }

    public boolean passphrase() {
        return kind == Kind.PASSPHRASE_FILE || kind == Kind.PASSPHRASE_FD;
    }

    public String describe() {
        String where = path != null ? path.toString() : "fd " + fd;
        if (passphrase()) {
            return "passphrase from " + where + " (" + kdf.name().toLowerCase() + ", " + keyBytes * 8 + "-bit key)";
        }
        return "key from " + where + " (" + format.name().toLowerCase() + ")";
    }
}
