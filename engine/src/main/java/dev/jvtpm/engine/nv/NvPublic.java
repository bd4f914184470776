package dev.jvtpm.engine.nv;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMS_NV_PUBLIC (Part 2 §13.5): the public area of an NV index, in wire order. Its Name is
 * nameAlg ‖ H_nameAlg(this structure marshalled), so it changes with every attribute change,
 * TPMA_NV_WRITTEN included.
 */
public record NvPublic(int nvIndex, HashAlg nameAlg, int attributes, byte[] authPolicy, int dataSize) {
    /** MAX_NV_INDEX_SIZE (TPM_PT_NV_INDEX_MAX). */
    public static final int MAX_INDEX_SIZE = 2048;

    public NvPublic withAttributes(int newAttributes) {
        return new NvPublic(nvIndex, nameAlg, newAttributes, authPolicy, dataSize);
    }

    public void write(TpmWriter w) {
        w.u32(nvIndex).u16(nameAlg.id()).u32(attributes).tpm2b(authPolicy).u16(dataSize);
    }

    public byte[] toBytes() {
        TpmWriter w = new TpmWriter(16 + authPolicy.length);
        write(w);
        return w.toByteArray();
    }

    /** The index's Name: nameAlg ‖ H_nameAlg(TPMS_NV_PUBLIC). */
    public byte[] name(CryptoSuite crypto) {
        byte[] digest = crypto.hash(nameAlg, toBytes());
        byte[] name = new byte[2 + digest.length];
        name[0] = (byte) (nameAlg.id() >>> 8);
        name[1] = (byte) nameAlg.id();
        System.arraycopy(digest, 0, name, 2, digest.length);
        return name;
    }

    /**
     * TPM2B_NV_PUBLIC as a command parameter, with libtpms' codes at the reader's parameter: a
     * zero size is TPM_RC_SIZE; the structure is read from the rest of the command (so its own
     * failures come first: TPM_RC_VALUE for an nvIndex outside the NV range, TPM_RC_HASH for a
     * nameAlg that is not an implemented hash, TPM_RC_RESERVED_BITS, TPM_RC_SIZE for an oversized
     * authPolicy or a dataSize above {@value #MAX_INDEX_SIZE}); then a size that does not match
     * what was read is TPM_RC_SIZE.
     */
    public static NvPublic readSized(TpmReader r) throws TpmException {
        int size = r.u16();
        if (size == 0) {
            throw r.fail(TpmRc.SIZE);
        }
        int start = r.position();
        int nvIndex = r.u32();
        if (TpmHandles.type(nvIndex) != TpmHandles.HT_NV_INDEX) {
            throw r.fail(TpmRc.VALUE);
        }
        HashAlg nameAlg = HashAlg.read(r, false);
        int attributes = r.u32();
        if ((attributes & NvAttributes.RESERVED) != 0) {
            throw r.fail(TpmRc.RESERVED_BITS);
        }
        byte[] authPolicy = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        int dataSize = r.u16();
        if (dataSize > MAX_INDEX_SIZE) {
            throw r.fail(TpmRc.SIZE);
        }
        if (r.position() - start != size) {
            throw r.fail(TpmRc.SIZE);
        }
        return new NvPublic(nvIndex, nameAlg, attributes, authPolicy, dataSize);
    }

    /** TPM2B_NV_PUBLIC for a response. */
    public void writeSized(TpmWriter w) {
        int mark = w.beginSized();
        write(w);
        w.endSized(mark);
    }

    /** Reads a TPMS_NV_PUBLIC this TPM wrote (state blobs): the same checks, no parameter position. */
    static NvPublic read(TpmReader r) throws TpmException {
        int nvIndex = r.u32();
        HashAlg nameAlg = HashAlg.require(r.u16());
        int attributes = r.u32();
        byte[] authPolicy = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        int dataSize = r.u16();
        if (TpmHandles.type(nvIndex) != TpmHandles.HT_NV_INDEX || dataSize > MAX_INDEX_SIZE) {
            throw new TpmException(TpmRc.VALUE, "NV index " + Integer.toHexString(nvIndex) + " of size " + dataSize);
        }
        return new NvPublic(nvIndex, nameAlg, attributes, authPolicy, dataSize);
    }
}
