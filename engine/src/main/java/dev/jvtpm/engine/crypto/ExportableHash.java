package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import org.bouncycastle.crypto.digests.EncodableDigest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.util.Memoable;

/**
 * A running hash whose intermediate state can be written out and resumed later: what hash and
 * event sequence objects need, because swtpm's STORE_VOLATILE and VM migration carry loaded
 * sequences mid-hash.
 *
 * <p>JCA's MessageDigest state is opaque, and buffering the data to replay it would make a
 * sequence's memory grow with everything it ever hashed. BouncyCastle's pure-Java SHA digests
 * implement {@link EncodableDigest}: their state (chaining values, partial block, length) has a
 * defined byte encoding and a constructor that resumes from it. That encoding belongs to
 * BouncyCastle, so {@link #exportState()} output is only promised to load into the same
 * BouncyCastle major line; the golden-blob tests pin it so an upgrade that changes it is noticed.
 */
public final class ExportableHash {
    private final HashAlg alg;
    private final org.bouncycastle.crypto.Digest digest;

    private ExportableHash(HashAlg alg, org.bouncycastle.crypto.Digest digest) {
        this.alg = alg;
        this.digest = digest;
    }

    /** A fresh hash computation. */
    public static ExportableHash start(HashAlg alg) {
        switch (alg) {
            case SHA1: return new ExportableHash(alg, new SHA1Digest());
            case SHA256: return new ExportableHash(alg, new SHA256Digest());
            case SHA384: return new ExportableHash(alg, new SHA384Digest());
            case SHA512: return new ExportableHash(alg, new SHA512Digest());
            default: throw new IllegalArgumentException(alg.name());
        }
    }

    /**
     * Resumes a computation from {@link #exportState()} output.
     *
     * @throws IllegalArgumentException when {@code state} is not a state of {@code alg}
     */
    public static ExportableHash resume(HashAlg alg, byte[] state) {
        try {
            switch (alg) {
                case SHA1: return new ExportableHash(alg, new SHA1Digest(state));
                case SHA256: return new ExportableHash(alg, new SHA256Digest(state));
                case SHA384: return new ExportableHash(alg, new SHA384Digest(state));
                case SHA512: return new ExportableHash(alg, new SHA512Digest(state));
                default: throw new IllegalArgumentException(alg.name());
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a saved " + alg + " hash state", e);
        }
    }

    public HashAlg alg() {
        return alg;
    }

    public ExportableHash update(byte[] data) {
        digest.update(data, 0, data.length);
        return this;
    }

    /** Completes the hash; the object must not be used afterwards. */
    public byte[] digest() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** The intermediate state, resumable with {@link #resume}. */
    public byte[] exportState() {
        return ((EncodableDigest) digest).getEncodedState();
    }

    /** An independent copy of the current state. */
    public ExportableHash copy() {
        return new ExportableHash(alg, (org.bouncycastle.crypto.Digest) ((Memoable) digest).copy());
    }
}
