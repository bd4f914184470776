package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.types.TpmAlgId;

/**
 * Session-based encryption of the first command or response parameter (Part 1 §21). The key
 * material is sessionKey ‖ authValue (the authValue of the entity the session authorizes, also
 * when the session is bound to it; empty for a session that authorizes nothing).
 *
 * <ul>
 * <li>XOR (§21.2): data ⊕ KDFa(authHash, key, "XOR", nonceNewer, nonceOlder, 8·len). The hash is
 *     the session's authHash, whatever hash TPMT_SYM_DEF named, as in the reference.</li>
 * <li>CFB (§21.3): key ‖ IV = KDFa(authHash, key, "CFB", nonceNewer, nonceOlder, keyBits + 128),
 *     then AES-CFB over the data bytes.</li>
 * </ul>
 * For a command nonceNewer is nonceCaller and nonceOlder nonceTPM; for the response the reverse
 * (with the new nonceTPM).
 */
final class ParameterEncryption {
    private ParameterEncryption() {}

    static void decrypt(TpmCore core, Session s, byte[] extraKey, byte[] nonceCaller, byte[] buf, int off, int len) {
        apply(core, s, extraKey, nonceCaller, s.nonceTPM, false, buf, off, len);
    }

    static void encrypt(TpmCore core, Session s, byte[] extraKey, byte[] nonceCaller, byte[] buf, int off, int len) {
        apply(core, s, extraKey, s.nonceTPM, nonceCaller, true, buf, off, len);
    }

    private static void apply(TpmCore core, Session s, byte[] extraKey, byte[] newer, byte[] older, boolean encrypt,
                              byte[] buf, int off, int len) {
        byte[] key = concat(s.sessionKey, extraKey);
        if (s.symAlg == TpmAlgId.XOR) {
            if (len == 0) {
                return;
            }
            byte[] mask = core.kdf.kdfa(s.authHash, key, "XOR", newer, older, len * 8);
            for (int i = 0; i < len; i++) {
                buf[off + i] ^= mask[i];
            }
            return;
        }
        int keyBytes = s.symKeyBits / 8;
        byte[] kdf = core.kdf.kdfa(s.authHash, key, "CFB", newer, older, s.symKeyBits + 128);
        byte[] aesKey = java.util.Arrays.copyOfRange(kdf, 0, keyBytes);
        byte[] iv = java.util.Arrays.copyOfRange(kdf, keyBytes, keyBytes + 16);
        byte[] data = java.util.Arrays.copyOfRange(buf, off, off + len);
        byte[] out = core.crypto.ciphers().aes(SymMode.CFB, encrypt, aesKey, iv, data);
        System.arraycopy(out, 0, buf, off, len);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
