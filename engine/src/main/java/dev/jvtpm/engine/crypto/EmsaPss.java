package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.security.MessageDigest;

/**
 * EMSA-PSS encoding and verification (RFC 8017 §9.1) with MGF1 over the same hash, over a digest
 * the caller already computed. Providers whose library has no digest-input PSS (the JDK hashes the
 * message itself) pair this with their raw RSA primitive.
 */
public final class EmsaPss {
    private final DigestFamily digests;

    public EmsaPss(DigestFamily digests) {
        this.digests = digests;
    }

    /**
     * The salt length a TPM uses when signing: the digest size, or the largest that fits when the
     * key is too small: min(hLen, emLen - hLen - 2), never negative, as the TCG reference code and
     * libtpms ({@code CryptRsaPssSaltSize}, and the OpenSSL path's salt length choice) do. A 1024-bit
     * key with SHA-512 thus gets 62 bytes.
     */
    public static int tpmSaltLength(HashAlg hash, int modulusBits) {
        int emLen = (modulusBits - 1 + 7) / 8;
        int max = emLen - hash.digestSize() - 2;
        return Math.max(0, Math.min(hash.digestSize(), max));
    }

    /**
     * EMSA-PSS-ENCODE: the encoded message for {@code digest} and {@code salt}, {@code ceil(emBits/8)}
     * bytes long, where emBits = modBits - 1.
     */
    public byte[] encode(HashAlg hash, byte[] digest, byte[] salt, int emBits) {
        RsaInputs.requireDigest(hash, digest);
        int hLen = hash.digestSize();
        int emLen = (emBits + 7) / 8;
        if (emLen < hLen + salt.length + 2) {
            throw new IllegalArgumentException("key too small for PSS with " + hash + " and a "
                    + salt.length + "-byte salt");
        }
        byte[] h = digests.hasher(hash).update(new byte[8]).update(digest).update(salt).digest();
        int dbLen = emLen - hLen - 1;
        byte[] db = new byte[dbLen];
        db[dbLen - salt.length - 1] = 0x01;
        System.arraycopy(salt, 0, db, dbLen - salt.length, salt.length);
        byte[] mask = mgf1(hash, h, dbLen);
        for (int i = 0; i < dbLen; i++) {
            db[i] ^= mask[i];
        }
        db[0] &= (byte) (0xFF >>> (8 * emLen - emBits));
        byte[] em = new byte[emLen];
        System.arraycopy(db, 0, em, 0, dbLen);
        System.arraycopy(h, 0, em, dbLen, hLen);
        em[emLen - 1] = (byte) 0xBC;
        return em;
    }

    /**
     * EMSA-PSS-VERIFY. {@code em} is the integer s^e mod n as any number of bytes (leading zeros
     * beyond emLen are allowed); {@code saltLength} is exact, or {@link RsaPublicKey#PSS_ANY_SALT}.
     */
    public boolean verify(HashAlg hash, byte[] digest, byte[] em, int emBits, int saltLength) {
        if (digest == null || digest.length != hash.digestSize()) {
            return false;
        }
        int hLen = hash.digestSize();
        int emLen = (emBits + 7) / 8;
        byte[] e;
        try {
            e = Octets.fit(em, emLen);
        } catch (IllegalArgumentException tooLarge) {
            return false;
        }
        int minSalt = saltLength == RsaPublicKey.PSS_ANY_SALT ? 0 : saltLength;
        if (minSalt < 0 || emLen < hLen + minSalt + 2 || (e[emLen - 1] & 0xFF) != 0xBC) {
            return false;
        }
        int dbLen = emLen - hLen - 1;
        int topMask = 0xFF >>> (8 * emLen - emBits);
        if ((e[0] & ~topMask) != 0) {
            return false;
        }
        byte[] h = new byte[hLen];
        System.arraycopy(e, dbLen, h, 0, hLen);
        byte[] db = mgf1(hash, h, dbLen);
        for (int i = 0; i < dbLen; i++) {
            db[i] ^= e[i];
        }
        db[0] &= (byte) topMask;
        int one;
        if (saltLength == RsaPublicKey.PSS_ANY_SALT) {
            one = 0;
            while (one < dbLen && db[one] == 0) {
                one++;
            }
            if (one == dbLen || db[one] != 0x01) {
                return false;
            }
        } else {
            one = dbLen - saltLength - 1;
            for (int i = 0; i < one; i++) {
                if (db[i] != 0) {
                    return false;
                }
            }
            if (db[one] != 0x01) {
                return false;
            }
        }
        Hasher hh = digests.hasher(hash).update(new byte[8]).update(digest);
        hh.update(db, one + 1, dbLen - one - 1);
        return MessageDigest.isEqual(hh.digest(), h);
    }

    /** MGF1 (RFC 8017 §B.2.1): Hash(seed ‖ C) for C = 0, 1, ... truncated to {@code len}. */
    public byte[] mgf1(HashAlg hash, byte[] seed, int len) {
        byte[] out = new byte[len];
        int off = 0;
        for (int counter = 0; off < len; counter++) {
            byte[] block = digests.hasher(hash).update(seed).updateU32(counter).digest();
            int n = Math.min(block.length, len - off);
            System.arraycopy(block, 0, out, off, n);
            off += n;
        }
        return out;
    }
}
