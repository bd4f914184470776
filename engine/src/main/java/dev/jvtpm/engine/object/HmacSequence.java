package dev.jvtpm.engine.object;

import dev.jvtpm.engine.crypto.ExportableHash;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * An HMAC sequence started by TPM2_HMAC_Start (Part 3 §17.2) with an HMAC key's bits.
 * HMAC (RFC 2104) is computed as two hashes so that the running state can be saved: the inner
 * hash starts with K0 ⊕ ipad and runs over the data; completion hashes K0 ⊕ opad ‖ inner. K0 is
 * kept (it is as secret as the key object's bits, and the state blob and contexts that carry it
 * are encrypted). SequenceComplete gives no ticket for it.
 */
public final class HmacSequence extends SequenceObject {
    private final byte[] k0;
    private final ExportableHash inner;

    private HmacSequence(byte[] k0, ExportableHash inner, byte[] auth) {
        super(auth);
        this.k0 = k0;
        this.inner = inner;
    }

    /** A new sequence for HMAC-{@code alg} keyed with {@code key}. */
    public static HmacSequence start(HashAlg alg, byte[] key, byte[] auth) {
        byte[] k0 = key.length > alg.blockSize() ? ExportableHash.start(alg).update(key).digest() : key;
        k0 = Arrays.copyOf(k0, alg.blockSize());
        return new HmacSequence(k0, ExportableHash.start(alg).update(pad(k0, 0x36)), auth);
    }

    private static byte[] pad(byte[] k0, int b) {
        byte[] out = new byte[k0.length];
        for (int i = 0; i < k0.length; i++) {
            out[i] = (byte) (k0[i] ^ b);
        }
        return out;
    }

    public HashAlg alg() {
        return inner.alg();
    }

    @Override
    public void update(byte[] data) {
        inner.update(data);
    }

    /** Adds {@code last} and returns the HMAC; the sequence is finished afterwards. */
    public byte[] complete(byte[] last) {
        byte[] innerDigest = inner.update(last).digest();
        return ExportableHash.start(inner.alg()).update(pad(k0, 0x5C)).update(innerDigest).digest();
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.HMAC_SEQUENCE;
    }

    @Override
    void save(TpmWriter w) {
        w.u16(1).tpm2b(authValue()).u16(inner.alg().id()).tpm2b(k0);
        byte[] state = inner.exportState();
        w.u32(state.length).bytes(state);
    }

    static HmacSequence load(TpmReader r) throws TpmException {
        int version = r.u16();
        if (version != 1) {
            throw new TpmException(TpmRc.VALUE, "HMAC sequence version " + version);
        }
        byte[] auth = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        HashAlg alg = HashAlg.fromId(r.u16());
        byte[] k0 = r.tpm2b(128);
        byte[] state = r.bytes(HashSequence.lengthOf(r));
        if (alg == null || k0.length != alg.blockSize()) {
            throw new TpmException(TpmRc.HASH, "HMAC sequence of an unknown algorithm");
        }
        try {
            return new HmacSequence(k0, ExportableHash.resume(alg, state), auth);
        } catch (IllegalArgumentException e) {
            throw new TpmException(TpmRc.VALUE, e.getMessage());
        }
    }
}
