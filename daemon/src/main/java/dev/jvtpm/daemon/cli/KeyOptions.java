package dev.jvtpm.daemon.cli;

import static dev.jvtpm.daemon.cli.SubOptions.param;

import dev.jvtpm.daemon.cli.SubOptions.Param;
import dev.jvtpm.daemon.cli.SubOptions.Type;
import dev.jvtpm.daemon.transport.InheritedFd;
import dev.jvtpm.engine.state.KeyMaterial;
import java.nio.file.Path;

/**
 * {@code --key} and {@code --migration-key} with swtpm 0.7.1's parameters and defaults
 * (key.c, common.c: parse_key_options): format hex, mode aes-128-cbc, kdf pbkdf2; file= wins
 * over fd=, which wins over pwdfile=, then pwdfd=.
 */
final class KeyOptions {
    private static final Param[] KEY = {
        param("file", Type.STRING), param("mode", Type.STRING), param("format", Type.STRING),
        param("remove", Type.BOOLEAN), param("pwdfile", Type.STRING), param("kdf", Type.STRING),
        param("fd", Type.INT), param("pwdfd", Type.INT),
    };

    private KeyOptions() {}

    static KeySource parse(String option, String text) throws UsageError {
        SubOptions o = SubOptions.parse(option, text, KEY);
        String file = o.string("file", null);
        int fd = o.integer("fd", -1);
        String pwdfile = o.string("pwdfile", null);
        int pwdfd = o.integer("pwdfd", -1);
        if (file == null && fd == -1 && pwdfile == null && pwdfd == -1) {
            throw new UsageError(option + ": one of file=, fd=, pwdfile= or pwdfd= is required");
        }
        KeyMaterial.Format format;
        String formatName = o.string("format", "hex");
        if (formatName.equals("hex")) {
            format = KeyMaterial.Format.HEX;
        } else if (formatName.equals("binary")) {
            format = KeyMaterial.Format.BINARY;
        } else {
            throw new UsageError(option + ": unknown key format '" + formatName + "' (hex or binary)");
        }
        String mode = o.string("mode", "aes-128-cbc");
        int keyBytes;
        if (mode.equals("aes-cbc") || mode.equals("aes-128-cbc")) {
            keyBytes = 16;
        } else if (mode.equals("aes-256-cbc")) {
            keyBytes = 32;
        } else {
            throw new UsageError(option + ": unknown encryption mode '" + mode + "' (aes-cbc, aes-128-cbc or aes-256-cbc)");
        }
        KeyMaterial.PassphraseKdf kdf;
        String kdfName = o.string("kdf", "pbkdf2");
        if (kdfName.equals("pbkdf2")) {
            kdf = KeyMaterial.PassphraseKdf.PBKDF2;
        } else if (kdfName.equals("sha512")) {
            kdf = KeyMaterial.PassphraseKdf.SHA512;
        } else {
            throw new UsageError(option + ": unknown kdf '" + kdfName + "' (pbkdf2 or sha512)");
        }
        boolean remove = o.bool("remove", false);
        if (file != null) {
            return new KeySource(KeySource.Kind.FILE, Path.of(file), -1, format, keyBytes, kdf, remove);
        }
        if (fd >= 0) {
            requireOpen(option, fd);
            return new KeySource(KeySource.Kind.FD, null, fd, format, keyBytes, kdf, remove);
        }
        if (pwdfile != null) {
            return new KeySource(KeySource.Kind.PASSPHRASE_FILE, Path.of(pwdfile), -1, format, keyBytes, kdf, remove);
        }
        if (pwdfd < 0) {
            throw new UsageError(option + ": invalid pwdfd " + pwdfd);
        }
        requireOpen(option, pwdfd);
        return new KeySource(KeySource.Kind.PASSPHRASE_FD, null, pwdfd, format, keyBytes, kdf, remove);
    }

    private static void requireOpen(String option, int fd) throws UsageError {
        if (InheritedFd.kind(fd) == InheritedFd.Kind.CLOSED) {
            throw new UsageError(option + ": file descriptor " + fd + " is not open");
        }
    }
}
