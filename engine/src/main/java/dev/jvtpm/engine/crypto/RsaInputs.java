package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import javax.crypto.BadPaddingException;

/**
 * The preconditions every RSA provider enforces identically, so that a malformed input gets the
 * same answer whichever provider the chain picked (and libraries that tolerate short signatures or
 * unreduced values never see them).
 */
public final class RsaInputs {
    private RsaInputs() {}

    /** Digests must be exactly the hash's size. */
    public static void requireDigest(HashAlg hash, byte[] digest) {
        if (digest == null || digest.length != hash.digestSize()) {
            throw new IllegalArgumentException("digest for " + hash + " must be " + hash.digestSize() + " bytes");
        }
    }

    /** Whether a signature has length k and is below n (RFC 8017 §5.2.2 step 1). */
    public static boolean isSignatureRepresentative(RsaPublicKey key, byte[] signature) {
        return signature != null && signature.length == key.modulusBytes()
                && Octets.os2ip(signature).compareTo(key.modulus()) < 0;
    }

    /** Ciphertexts must have length k and be below n (RFC 8017 §5.1.2 step 1). */
    public static void requireCiphertext(RsaPublicKey key, byte[] ciphertext) throws BadPaddingException {
        if (ciphertext == null || ciphertext.length != key.modulusBytes()) {
            throw new BadPaddingException("ciphertext must be " + key.modulusBytes() + " bytes");
        }
        if (Octets.os2ip(ciphertext).compareTo(key.modulus()) >= 0) {
            throw new BadPaddingException("ciphertext representative out of range");
        }
    }

    /** The largest OAEP message for this key and hash: k - 2·hLen - 2. */
    public static int maxOaepMessage(RsaPublicKey key, HashAlg hash) {
        return key.modulusBytes() - 2 * hash.digestSize() - 2;
    }

    /** The largest PKCS#1 v1.5 message: k - 11. */
    public static int maxPkcs1Message(RsaPublicKey key) {
        return key.modulusBytes() - 11;
    }

    public static void requireOaepMessage(RsaPublicKey key, HashAlg hash, byte[] message) {
        if (message.length > maxOaepMessage(key, hash)) {
            throw new IllegalArgumentException("OAEP message too long: " + message.length + " > "
                    + maxOaepMessage(key, hash));
        }
    }

    public static void requirePkcs1Message(RsaPublicKey key, byte[] message) {
        if (message.length > maxPkcs1Message(key)) {
            throw new IllegalArgumentException("PKCS#1 v1.5 message too long: " + message.length + " > "
                    + maxPkcs1Message(key));
        }
    }

    /** A raw message left-padded to k bytes; it must be below n. */
    public static byte[] rawMessage(RsaPublicKey key, byte[] message) {
        if (message.length > key.modulusBytes()) {
            throw new IllegalArgumentException("raw RSA message longer than the modulus");
        }
        byte[] m = Octets.fit(message, key.modulusBytes());
        if (Octets.os2ip(m).compareTo(key.modulus()) >= 0) {
            throw new IllegalArgumentException("raw RSA message not below the modulus");
        }
        return m;
    }

    /** Checks generation parameters shared by every provider. */
    public static void requireGenerationParameters(int bits, BigInteger e) {
        if (bits != 1024 && bits != 2048 && bits != 3072 && bits != 4096) {
            throw new IllegalArgumentException("RSA key size " + bits + " (expected 1024, 2048, 3072 or 4096)");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.bitLength() > 32) {
            throw new IllegalArgumentException("RSA public exponent must be odd and in [3, 2^32)");
        }
    }

    /** Checks an imported public key is plausible: odd modulus of at least 512 bits, exponent ≥ 3 and odd. */
    public static void requirePublicKey(BigInteger n, BigInteger e) {
        if (n.signum() <= 0 || !n.testBit(0) || n.bitLength() < 512) {
            throw new IllegalArgumentException("RSA modulus must be odd and at least 512 bits");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw new IllegalArgumentException("RSA public exponent must be odd, ≥ 3 and below n");
        }
    }
}
