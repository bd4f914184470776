package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.EmsaPss;
import dev.jvtpm.engine.crypto.Octets;
import dev.jvtpm.engine.crypto.Pkcs1DigestInfo;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/** An RSA public key on BouncyCastle's lightweight API. */
class BcRsaPublicKey implements RsaPublicKey {
    final RSAKeyParameters publicKey;
    final SecureRandom random;
    private final int modulusBytes;
    private final EmsaPss pss = new EmsaPss(new BcDigests());

    BcRsaPublicKey(RSAKeyParameters publicKey, SecureRandom random) {
        this.publicKey = publicKey;
        this.random = random;
        this.modulusBytes = (publicKey.getModulus().bitLength() + 7) / 8;
    }

    @Override
    public BigInteger modulus() {
        return publicKey.getModulus();
    }

    @Override
    public BigInteger publicExponent() {
        return publicKey.getExponent();
    }

    @Override
    public int modulusBytes() {
        return modulusBytes;
    }

    void checkOpen() {
    }

    /**
     * RFC 8017 §8.2.2 by encoding and comparing, rather than BC's RSADigestSigner, which also
     * accepts a DigestInfo without its NULL parameters; the JDK and OpenSSL (hence libtpms) do not.
     */
    @Override
    public boolean verifyPkcs1(HashAlg hash, byte[] digest, byte[] signature) {
        checkOpen();
        if (digest == null || digest.length != hash.digestSize() || !RsaInputs.isSignatureRepresentative(this, signature)) {
            return false;
        }
        byte[] t = Pkcs1DigestInfo.encode(hash, digest);
        int k = modulusBytes;
        if (k < t.length + 11) {
            return false;
        }
        byte[] expected = new byte[k];
        expected[1] = 0x01;
        for (int i = 2; i < k - t.length - 1; i++) {
            expected[i] = (byte) 0xFF;
        }
        System.arraycopy(t, 0, expected, k - t.length, t.length);
        return MessageDigest.isEqual(publicOp(signature), expected);
    }

    @Override
    public boolean verifyPss(HashAlg hash, byte[] digest, byte[] signature, int saltLength) {
        checkOpen();
        if (digest == null || digest.length != hash.digestSize() || !RsaInputs.isSignatureRepresentative(this, signature)) {
            return false;
        }
        if (saltLength == PSS_ANY_SALT) {
            // BC's PSSSigner needs the salt length up front; a TPM verifies whatever the signer chose.
            return pss.verify(hash, digest, publicOp(signature), modulus().bitLength() - 1, saltLength);
        }
        int emLen = (modulus().bitLength() - 1 + 7) / 8;
        if (saltLength < 0 || emLen < hash.digestSize() + saltLength + 2) {
            return false;
        }
        PSSSigner v = PSSSigner.createRawSigner(new RSAEngine(), BcDigests.digest(hash), BcDigests.digest(hash),
                saltLength, PSSSigner.TRAILER_IMPLICIT);
        v.init(false, publicKey);
        v.update(digest, 0, digest.length);
        return v.verifySignature(signature);
    }

    @Override
    public byte[] encryptOaep(HashAlg hash, byte[] label, byte[] message) {
        checkOpen();
        RsaInputs.requireOaepMessage(this, hash, message);
        OAEPEncoding oaep = new OAEPEncoding(new RSAEngine(), BcDigests.digest(hash), BcDigests.digest(hash), label);
        oaep.init(true, new ParametersWithRandom(publicKey, random));
        return encrypt(oaep, message);
    }

    @Override
    public byte[] encryptPkcs1(byte[] message) {
        checkOpen();
        RsaInputs.requirePkcs1Message(this, message);
        PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSAEngine());
        pkcs1.init(true, new ParametersWithRandom(publicKey, random));
        return encrypt(pkcs1, message);
    }

    @Override
    public byte[] encryptRaw(byte[] message) {
        checkOpen();
        return publicOp(RsaInputs.rawMessage(this, message));
    }

    private byte[] encrypt(AsymmetricBlockCipher c, byte[] message) {
        try {
            return Octets.fit(c.processBlock(message, 0, message.length), modulusBytes);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("BouncyCastle RSA encryption: " + e.getMessage(), e);
        }
    }

    /** x^e mod n as k bytes (RSAEngine strips leading zeros of a decryption-direction output). */
    byte[] publicOp(byte[] input) {
        RSAEngine e = new RSAEngine();
        e.init(true, publicKey);
        return Octets.fit(e.processBlock(input, 0, input.length), modulusBytes);
    }
}
