package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.EmsaPss;
import dev.jvtpm.engine.crypto.Octets;
import dev.jvtpm.engine.crypto.Pkcs1DigestInfo;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** An RSA public key on SunRsaSign/SunJCE. */
class JcaRsaPublicKey implements RsaPublicKey {
    final java.security.interfaces.RSAPublicKey publicKey;
    final SecureRandom random;
    final EmsaPss pss;
    private final int modulusBytes;

    JcaRsaPublicKey(java.security.interfaces.RSAPublicKey publicKey, SecureRandom random, DigestFamily digests) {
        this.publicKey = publicKey;
        this.random = random;
        this.pss = new EmsaPss(digests);
        this.modulusBytes = (publicKey.getModulus().bitLength() + 7) / 8;
    }

    @Override
    public BigInteger modulus() {
        return publicKey.getModulus();
    }

    @Override
    public BigInteger publicExponent() {
        return publicKey.getPublicExponent();
    }

    @Override
    public int modulusBytes() {
        return modulusBytes;
    }

    void checkOpen() {
    }

    @Override
    public boolean verifyPkcs1(HashAlg hash, byte[] digest, byte[] signature) {
        checkOpen();
        if (digest == null || digest.length != hash.digestSize() || !RsaInputs.isSignatureRepresentative(this, signature)) {
            return false;
        }
        try {
            // NONEwithRSA signs/verifies the DigestInfo as given: the digest-input form of RSASSA-PKCS1-v1_5.
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initVerify(publicKey);
            s.update(Pkcs1DigestInfo.encode(hash, digest));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean verifyPss(HashAlg hash, byte[] digest, byte[] signature, int saltLength) {
        checkOpen();
        if (!RsaInputs.isSignatureRepresentative(this, signature)) {
            return false;
        }
        byte[] em;
        try {
            em = raw(Cipher.ENCRYPT_MODE, publicKey, signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
        return pss.verify(hash, digest, em, modulus().bitLength() - 1, saltLength);
    }

    @Override
    public byte[] encryptOaep(HashAlg hash, byte[] label, byte[] message) {
        checkOpen();
        RsaInputs.requireOaepMessage(this, hash, message);
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, publicKey, oaep(hash, label), random);
            return c.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE OAEP encryption: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encryptPkcs1(byte[] message) {
        checkOpen();
        RsaInputs.requirePkcs1Message(this, message);
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            c.init(Cipher.ENCRYPT_MODE, publicKey, random);
            return c.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE PKCS#1 encryption: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encryptRaw(byte[] message) {
        checkOpen();
        byte[] m = RsaInputs.rawMessage(this, message);
        try {
            return raw(Cipher.ENCRYPT_MODE, publicKey, m);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE raw RSA: " + e.getMessage(), e);
        }
    }

    static OAEPParameterSpec oaep(HashAlg hash, byte[] label) {
        return new OAEPParameterSpec(hash.jcaName(), "MGF1", new MGF1ParameterSpec(hash.jcaName()),
                new PSource.PSpecified(label == null ? new byte[0] : label));
    }

    /** The RSA primitive without padding; SunJCE returns k bytes. */
    byte[] raw(int mode, Key key, byte[] input) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/NoPadding");
        c.init(mode, key);
        byte[] out = c.doFinal(input);
        return out.length == modulusBytes ? out : Octets.fit(out, modulusBytes);
    }
}
