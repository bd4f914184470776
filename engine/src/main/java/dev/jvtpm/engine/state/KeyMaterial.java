package dev.jvtpm.engine.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns what swtpm's {@code --key} option accepts into key bytes, with swtpm's rules so the same
 * key file or passphrase yields the same key: a hex key file holds 32 or 64 hex digits (an
 * optional 0x, surrounding whitespace ignored); a binary one 16 or 32 bytes; a passphrase file is
 * stretched with PBKDF2-HMAC-SHA512 (salt "swtpm", 1000 iterations, the whole file content
 * including any newline) or, with kdf=sha512, the first bytes of SHA-512(content).
 */
public final class KeyMaterial {
    private KeyMaterial() {}

    public enum Format { HEX, BINARY }

    public enum PassphraseKdf { PBKDF2, SHA512 }

    public static byte[] fromKeyFile(byte[] content, Format format, String source) throws StateException {
        if (format == Format.BINARY) {
            if (content.length != 16 && content.length != 32) {
                throw new StateException(source + ": a binary key must be 16 or 32 bytes, found " + content.length);
            }
            return content.clone();
        }
        String s = new String(content, StandardCharsets.US_ASCII).trim();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if ((s.length() != 32 && s.length() != 64) || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new StateException(source + ": a hex key must be 32 or 64 hex digits");
        }
        return java.util.HexFormat.of().parseHex(s);
    }

    public static byte[] fromPassphrase(byte[] content, PassphraseKdf kdf, int keyBytes) {
        if (kdf == PassphraseKdf.SHA512) {
            try {
                return Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(content), keyBytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        // PBKDF2 over raw bytes: the JDK's PBEKeySpec takes chars, so bytes are passed as chars
        // 0..255, which PBKDF2WithHmacSHA512 encodes back as UTF-8; to keep arbitrary bytes exact
        // we run PBKDF2 ourselves with HMAC-SHA512.
        return pbkdf2Sha512(content, "swtpm".getBytes(StandardCharsets.US_ASCII), 1000, keyBytes);
    }

    static byte[] pbkdf2Sha512(byte[] password, byte[] salt, int iterations, int length) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
            // HMAC with an empty key equals HMAC with one zero byte; SecretKeySpec refuses empty keys.
            mac.init(new javax.crypto.spec.SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA512"));
            byte[] out = new byte[length];
            int blocks = (length + 63) / 64;
            for (int i = 1; i <= blocks; i++) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int j = 1; j < iterations; j++) {
                    u = mac.doFinal(u);
                    for (int k = 0; k < t.length; k++) {
                        t[k] ^= u[k];
                    }
                }
                System.arraycopy(t, 0, out, (i - 1) * 64, Math.min(64, length - (i - 1) * 64));
            }
            return out;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PBKDF2 through the JDK's factory, for ASCII passphrases (used to cross-check {@link #pbkdf2Sha512}). */
    static byte[] pbkdf2Sha512Jdk(String password, byte[] salt, int iterations, int length) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
            return f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8)).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
