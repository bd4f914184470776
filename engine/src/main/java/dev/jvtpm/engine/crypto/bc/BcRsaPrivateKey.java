package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.EmsaPss;
import dev.jvtpm.engine.crypto.Octets;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.types.HashAlg;
import java.security.SecureRandom;
import javax.crypto.BadPaddingException;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.NullDigest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/** An RSA private key on BouncyCastle; RSABlindedEngine blinds every private exponentiation. */
final class BcRsaPrivateKey extends BcRsaPublicKey implements RsaPrivateKey {
    private final RSAPrivateCrtKeyParameters privateKey;
    private volatile boolean closed;

    BcRsaPrivateKey(RSAKeyParameters publicKey, RSAPrivateCrtKeyParameters privateKey, SecureRandom random) {
        super(publicKey, random);
        this.privateKey = privateKey;
    }

    @Override
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("RSA key closed");
        }
    }

    /** RSADigestSigner over a NullDigest: BC builds the DigestInfo around the digest we pass. */
    @Override
    public byte[] signPkcs1(HashAlg hash, byte[] digest) {
        checkOpen();
        RsaInputs.requireDigest(hash, digest);
        RSADigestSigner s = new RSADigestSigner(new NullDigest(), BcDigests.oid(hash));
        s.init(true, new ParametersWithRandom(privateKey, random));
        s.update(digest, 0, digest.length);
        try {
            return Octets.fit(s.generateSignature(), modulusBytes());
        } catch (CryptoException e) {
            throw new IllegalStateException("BouncyCastle PKCS#1 signing: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] signPss(HashAlg hash, byte[] digest) {
        checkOpen();
        RsaInputs.requireDigest(hash, digest);
        int salt = EmsaPss.tpmSaltLength(hash, modulus().bitLength());
        PSSSigner s = PSSSigner.createRawSigner(new RSABlindedEngine(), BcDigests.digest(hash), BcDigests.digest(hash),
                salt, PSSSigner.TRAILER_IMPLICIT);
        s.init(true, new ParametersWithRandom(privateKey, random));
        s.update(digest, 0, digest.length);
        try {
            return Octets.fit(s.generateSignature(), modulusBytes());
        } catch (CryptoException e) {
            throw new IllegalStateException("BouncyCastle PSS signing: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decryptOaep(HashAlg hash, byte[] label, byte[] ciphertext) throws BadPaddingException {
        checkOpen();
        RsaInputs.requireCiphertext(this, ciphertext);
        OAEPEncoding oaep = new OAEPEncoding(new RSABlindedEngine(), BcDigests.digest(hash), BcDigests.digest(hash), label);
        return decrypt(oaep, ciphertext, "OAEP");
    }

    @Override
    public byte[] decryptPkcs1(byte[] ciphertext) throws BadPaddingException {
        checkOpen();
        RsaInputs.requireCiphertext(this, ciphertext);
        return decrypt(new PKCS1Encoding(new RSABlindedEngine()), ciphertext, "PKCS#1 v1.5");
    }

    @Override
    public byte[] decryptRaw(byte[] ciphertext) throws BadPaddingException {
        checkOpen();
        RsaInputs.requireCiphertext(this, ciphertext);
        RSABlindedEngine e = new RSABlindedEngine();
        e.init(false, new ParametersWithRandom(privateKey, random));
        return Octets.fit(e.processBlock(ciphertext, 0, ciphertext.length), modulusBytes());
    }

    private byte[] decrypt(AsymmetricBlockCipher c, byte[] ciphertext, String scheme) throws BadPaddingException {
        c.init(false, new ParametersWithRandom(privateKey, random));
        try {
            return c.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException e) {
            throw new BadPaddingException(scheme + " decoding failed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
