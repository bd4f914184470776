package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.crypto.Kdf;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.object.PreparedKeys;
import dev.jvtpm.engine.object.derivation.RandomSource;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;
import javax.crypto.BadPaddingException;

/**
 * Secret sharing through a key (Part 1 §11.4.10 "Secret Sharing", libtpms CryptUtil.c
 * CryptSecretEncrypt / CryptSecretDecrypt): a seed the size of the key's nameAlg digest, given to
 * the key's owner as an encrypted secret. The seed keys the outer wrap of duplication and
 * credential blobs and salts sessions.
 *
 * <ul>
 * <li>RSA: the seed RSA-OAEP encrypted, hash and MGF1 the key's nameAlg, label L the
 *     {@link SecretLabel} with its NUL.</li>
 * <li>ECC: an ephemeral key pair (d<sub>e</sub>, Q<sub>e</sub>) on the key's curve;
 *     Z = d<sub>e</sub>·Q<sub>key</sub>; seed = KDFe(nameAlg, Z.x, label, Q<sub>e</sub>.x,
 *     Q<sub>key</sub>.x, digest bits); the secret is Q<sub>e</sub> as a TPMS_ECC_POINT.</li>
 * <li>Decryption only, for salted sessions with a symmetric tpmKey: KEYEDHASH by XOR obfuscation
 *     with the key's bits and nonceCaller, SYMCIPHER by CFB with nonceCaller as IV.</li>
 * </ul>
 *
 * <p>Codes are bare (callers place or convert them, as the reference's callers do).
 */
public final class SecretSharing {
    private final CryptoSuite suite;
    private final Kdf kdf;

    public SecretSharing(CryptoSuite suite) {
        this.suite = suite;
        this.kdf = new Kdf(suite.digests());
    }

    /** A shared seed and the encrypted secret (TPM2B_ENCRYPTED_SECRET contents) that carries it. */
    public record Shared(byte[] seed, byte[] encryptedSecret) {
        @Override
        public String toString() {
            return "Shared[" + seed.length + "-byte seed, " + encryptedSecret.length + "-byte secret]";
        }
    }

    /**
     * CryptSecretEncrypt: a fresh seed for {@code key} (public part suffices) and its secret.
     * TPM_RC_ATTRIBUTES when the key is not a decrypt key; TPM_RC_KEY when an ECC key's point is not
     * on its curve; TPM_RC_FAILURE when an RSA key is too small for OAEP with its nameAlg (OpenSSL
     * refuses the encryption in libtpms); TPM_RC_FAILURE for a symmetric key (callers never pass one).
     *
     * @param rng the TPM's random source, for the RSA seed
     */
    public Shared encrypt(PreparedKeys key, SecretLabel label, RandomSource rng) throws TpmException {
        PublicArea p = key.publicArea();
        HashAlg nameAlg = p.nameHash();
        if (!p.has(ObjectAttributes.DECRYPT)) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        switch (p.type()) {
            case TpmAlgId.RSA: {
                byte[] seed = rng.bytes(nameAlg.digestSize());
                byte[] secret;
                try {
                    secret = key.rsaPublic().encryptOaep(nameAlg, label.oaepLabel(), seed);
                } catch (IllegalArgumentException e) {
                    throw new TpmException(TpmRc.FAILURE, "seed does not fit OAEP under this key");
                }
                return new Shared(seed, secret);
            }
            case TpmAlgId.ECC: {
                EcPoint q;
                try {
                    q = key.eccPoint();
                    if (!suite.ecc().isOnCurve(q)) {
                        throw new TpmException(TpmRc.KEY);
                    }
                } catch (InvalidPointException e) {
                    throw new TpmException(TpmRc.KEY);
                }
                EccKeyPair ephemeral = suite.ecc().generate(key.curve());
                EcPoint z;
                try (EccPrivateKey e = suite.ecc().prepare(ephemeral)) {
                    z = e.ecdh(q);
                } catch (InvalidPointException e) {
                    throw new TpmException(TpmRc.KEY);
                }
                EcPoint qe = ephemeral.publicPoint();
                byte[] keyX = ((PublicId.Ecc) p.unique()).point().x();
                byte[] seed = kdf.kdfe(nameAlg, z.x(), label.text(), qe.x(), keyX, nameAlg.digestSize() * 8);
                TpmWriter w = new TpmWriter(4 + 2 * qe.x().length);
                new EccPoint(qe.x(), qe.y()).write(w);
                return new Shared(seed, w.toByteArray());
            }
            default:
                throw new TpmException(TpmRc.FAILURE, "secret sharing needs an asymmetric key");
        }
    }

    /**
     * CryptSecretDecrypt: the seed in {@code secret}, recovered with {@code key}'s private part.
     * Callers check that the key is a loaded decrypt key with a private part.
     * <ul>
     * <li>RSA: the key's scheme must be NULL or OAEP (TPM_RC_SCHEME); the secret must be the modulus
     *     size (TPM_RC_SIZE); a secret that does not decrypt is TPM_RC_FAILURE (libtpms hands the
     *     decryption to OpenSSL and maps its refusal so); a seed longer than the scheme hash's
     *     digest is TPM_RC_VALUE.</li>
     * <li>ECC: TPM_RC_INSUFFICIENT / TPM_RC_SIZE when the secret is no TPMS_ECC_POINT,
     *     TPM_RC_ECC_POINT when the point is not on the key's curve.</li>
     * <li>KEYEDHASH, SYMCIPHER: a secret longer than the nameAlg digest is TPM_RC_VALUE.</li>
     * </ul>
     *
     * @param nonceCaller the session's nonceCaller (symmetric keys only; may be null otherwise)
     */
    public byte[] decrypt(PreparedKeys key, byte[] nonceCaller, SecretLabel label, byte[] secret) throws TpmException {
        PublicArea p = key.publicArea();
        HashAlg nameAlg = p.nameHash();
        switch (p.type()) {
            case TpmAlgId.RSA:
                return rsaDecrypt(key, label, secret);
            case TpmAlgId.ECC:
                return eccDecrypt(key, label, secret);
            case TpmAlgId.KEYEDHASH: {
                if (secret.length > nameAlg.digestSize()) {
                    throw new TpmException(TpmRc.VALUE);
                }
                return xorObfuscation(nameAlg, key.sensitive().sensitive(), nonceCaller, secret);
            }
            default: {
                if (secret.length > nameAlg.digestSize()) {
                    throw new TpmException(TpmRc.VALUE);
                }
                // The IV is nonceCaller cut or zero-padded to one block.
                byte[] iv = Arrays.copyOf(nonceCaller == null ? new byte[0] : nonceCaller, 16);
                return suite.ciphers().aes(SymMode.CFB, false, key.sensitive().sensitive(), iv, secret);
            }
        }
    }

    private byte[] rsaDecrypt(PreparedKeys key, SecretLabel label, byte[] secret) throws TpmException {
        PublicArea p = key.publicArea();
        Scheme scheme = ((PublicParms.Rsa) p.parameters()).scheme();
        HashAlg hash;
        if (scheme.isNull()) {
            hash = p.nameHash();
        } else if (scheme.selector() == TpmAlgId.OAEP) {
            hash = scheme.hash();
        } else {
            throw new TpmException(TpmRc.SCHEME);
        }
        if (secret.length != ((PublicId.Rsa) p.unique()).modulus().length) {
            throw new TpmException(TpmRc.SIZE);
        }
        byte[] seed;
        try {
            seed = key.rsaPrivate().decryptOaep(hash, label.oaepLabel(), secret);
        } catch (BadPaddingException e) {
            throw new TpmException(TpmRc.FAILURE, "OAEP decryption failed");
        }
        if (seed.length > hash.digestSize()) {
            throw new TpmException(TpmRc.VALUE);
        }
        return seed;
    }

    private byte[] eccDecrypt(PreparedKeys key, SecretLabel label, byte[] secret) throws TpmException {
        // The point is read from the front of the secret; bytes after it are ignored, as in the reference.
        EccPoint qe = EccPoint.read(new TpmReader(secret));
        EccCurve curve = key.curve();
        EcPoint z;
        try {
            z = key.eccPrivate().ecdh(PreparedKeys.toPoint(curve, qe.x(), qe.y()));
        } catch (InvalidPointException e) {
            throw new TpmException(TpmRc.ECC_POINT);
        }
        HashAlg nameAlg = key.publicArea().nameHash();
        byte[] keyX = ((PublicId.Ecc) key.publicArea().unique()).point().x();
        return kdf.kdfe(nameAlg, z.x(), label.text(), qe.x(), keyX, nameAlg.digestSize() * 8);
    }

    /**
     * CryptXORObfuscation (Part 1 §11.4.6.3 "XOR Obfuscation"): data XOR KDFa(hash, key, "XOR",
     * contextU, contextV, bits of data). Its own inverse.
     */
    public byte[] xorObfuscation(HashAlg hash, byte[] key, byte[] contextU, byte[] data) {
        byte[] mask = kdf.kdfa(hash, key, "XOR", contextU, null, data.length * 8);
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ mask[i]);
        }
        return out;
    }
}
