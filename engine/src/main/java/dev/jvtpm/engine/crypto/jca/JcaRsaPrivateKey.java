package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.EmsaPss;
import dev.jvtpm.engine.crypto.Octets;
import dev.jvtpm.engine.crypto.Pkcs1DigestInfo;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.types.HashAlg;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;

/**
 * An RSA private key held as a SunRsaSign CRT key; the JDK applies blinding to every private
 * operation. Nothing native to free: close only marks the handle dead.
 */
final class JcaRsaPrivateKey extends JcaRsaPublicKey implements RsaPrivateKey {
    private final PrivateKey privateKey;
    private volatile boolean closed;

    JcaRsaPrivateKey(java.security.interfaces.RSAPublicKey publicKey, PrivateKey privateKey, SecureRandom random,
                     DigestFamily digests) {
        super(publicKey, random, digests);
        this.privateKey = privateKey;
    }

    @Override
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("RSA key closed");
        }
    }

    @Override
    public byte[] signPkcs1(HashAlg hash, byte[] digest) {
        checkOpen();
        byte[] info = Pkcs1DigestInfo.encode(hash, digest);
        try {
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initSign(privateKey);
            s.update(info);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE PKCS#1 signing: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] signPss(HashAlg hash, byte[] digest) {
        checkOpen();
        RsaInputs.requireDigest(hash, digest);
        int modBits = modulus().bitLength();
        byte[] salt = new byte[EmsaPss.tpmSaltLength(hash, modBits)];
        random.nextBytes(salt);
        byte[] em = pss.encode(hash, digest, salt, modBits - 1);
        try {
            return raw(Cipher.DECRYPT_MODE, privateKey, Octets.fit(em, modulusBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE raw RSA: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decryptOaep(HashAlg hash, byte[] label, byte[] ciphertext) throws BadPaddingException {
        checkOpen();
        RsaInputs.requireCiphertext(this, ciphertext);
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.DECRYPT_MODE, privateKey, oaep(hash, label));
            return c.doFinal(ciphertext);
        } catch (BadPaddingException e) {
            throw new BadPaddingException("OAEP decoding failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE OAEP decryption: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decryptPkcs1(byte[] ciphertext) throws BadPaddingException {
        checkOpen();
        RsaInputs.requireCiphertext(this, ciphertext);
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            c.init(Cipher.DECRYPT_MODE, privateKey);
            return c.doFinal(ciphertext);
        } catch (BadPaddingException e) {
            throw new BadPaddingException("PKCS#1 v1.5 decoding failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE PKCS#1 decryption: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decryptRaw(byte[] ciphertext) throws BadPaddingException {
        checkOpen();
        RsaInputs.requireCiphertext(this, ciphertext);
        try {
            return raw(Cipher.DECRYPT_MODE, privateKey, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE raw RSA: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
