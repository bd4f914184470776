package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.SymMode;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES from SunJCE; CFB is "CFB" (= CFB128 in SunJCE). {@code Cipher.getInstance} costs more than
 * encrypting a TPM-sized buffer, so each thread keeps one Cipher per mode and re-initialises it;
 * a Cipher is never shared between threads. GCM gets a fresh Cipher per call: SunJCE refuses to
 * re-initialise one for encryption under the last key and nonce, which a pure function must allow,
 * and sealing state is rare next to the fsync that follows it.
 */
final class JcaCiphers implements CipherFamily {
    private static final int TAG_BYTES = 16;
    private static final String GCM = "AES/GCM/NoPadding";

    private final ThreadLocal<Cipher[]> ciphers = ThreadLocal.withInitial(() -> new Cipher[SymMode.values().length]);

    private Cipher cipher(int slot, String transformation) throws GeneralSecurityException {
        Cipher[] cache = ciphers.get();
        Cipher c = cache[slot];
        if (c == null) {
            c = Cipher.getInstance(transformation);
            cache[slot] = c;
        }
        return c;
    }

    @Override
    public byte[] aes(SymMode mode, boolean encrypt, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = cipher(mode.ordinal(), "AES/" + mode.name() + "/NoPadding");
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            int op = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
            if (mode == SymMode.ECB) {
                c.init(op, k);
            } else {
                c.init(op, k, new IvParameterSpec(iv));
            }
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-" + mode + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] gcmSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher c = Cipher.getInstance(GCM);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] gcmOpen(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) throws AEADBadTagException {
        if (sealed.length < TAG_BYTES) {
            // SunJCE (JDK 17) reports input shorter than the tag as an unchecked ProviderException.
            throw new AEADBadTagException("sealed data shorter than the " + TAG_BYTES + "-byte tag");
        }
        try {
            Cipher c = Cipher.getInstance(GCM);
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM: " + e.getMessage(), e);
        }
    }
}
