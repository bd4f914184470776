package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.SymMode;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES from SunJCE; CFB is "CFB" (= CFB128 in SunJCE). */
final class JcaCiphers implements CipherFamily {
    private static final int TAG_BYTES = 16;

    @Override
    public byte[] aes(SymMode mode, boolean encrypt, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/" + mode.name() + "/NoPadding");
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
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
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
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
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
