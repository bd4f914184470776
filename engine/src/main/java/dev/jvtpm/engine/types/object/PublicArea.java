package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * TPMT_PUBLIC (Part 2 §12.2.4): an object's public area. {@code nameAlg} is the raw TPM_ALG_ID
 * because TPM2_LoadExternal accepts TPM_ALG_NULL there (an object without a Name).
 *
 * <p>Equality is by the canonical encoding, which is also what its Name is computed over.
 */
public record PublicArea(int type, int nameAlg, int attributes, byte[] authPolicy,
                         PublicParms parameters, PublicId unique) {

    public PublicArea {
        if (parameters.type() != type) {
            throw new IllegalArgumentException("parameters of type 0x" + Integer.toHexString(parameters.type())
                    + " for an object of type 0x" + Integer.toHexString(type));
        }
    }

    /** The name algorithm, or null for TPM_ALG_NULL. */
    public HashAlg nameHash() {
        return HashAlg.fromId(nameAlg);
    }

    public boolean has(int attributeBit) {
        return (attributes & attributeBit) != 0;
    }

    public PublicArea withUnique(PublicId newUnique) {
        return new PublicArea(type, nameAlg, attributes, authPolicy, parameters, newUnique);
    }

    /**
     * TPMT_PUBLIC_Unmarshal: type (TPM_RC_TYPE), nameAlg (TPM_RC_HASH; NULL only when
     * {@code allowNullNameAlg}), attributes (TPM_RC_RESERVED_BITS), authPolicy (TPM_RC_SIZE),
     * parameters and unique. Every error carries the reader's declared parameter.
     */
    public static PublicArea read(TpmReader r, boolean allowNullNameAlg) throws TpmException {
        int type = AlgSelectors.publicType(r);
        int nameAlg = AlgSelectors.hash(r, allowNullNameAlg);
        int attributes = ObjectAttributes.read(r);
        byte[] authPolicy = r.tpm2b(ObjectLimits.DIGEST);
        PublicParms parms = PublicParms.read(r, type);
        PublicId unique = PublicId.read(r, type);
        return new PublicArea(type, nameAlg, attributes, authPolicy, parms, unique);
    }

    /**
     * TPM2B_PUBLIC_Unmarshal: a zero size is TPM_RC_SIZE; the TPMT_PUBLIC is read from the stream
     * and must have used exactly {@code size} bytes (TPM_RC_SIZE), so a size that is too small
     * is only noticed after the structure was read, as in the reference.
     */
    public static PublicArea readSized(TpmReader r, boolean allowNullNameAlg) throws TpmException {
        int size = r.u16();
        if (size == 0) {
            throw r.fail(TpmRc.SIZE);
        }
        int start = r.position();
        PublicArea p = read(r, allowNullNameAlg);
        if (r.position() - start != size) {
            throw r.fail(TpmRc.SIZE);
        }
        return p;
    }

    public void write(TpmWriter w) {
        w.u16(type).u16(nameAlg).u32(attributes).tpm2b(authPolicy);
        parameters.write(w);
        unique.write(w);
    }

    /** As TPM2B_PUBLIC. */
    public void writeSized(TpmWriter w) {
        int mark = w.beginSized();
        write(w);
        w.endSized(mark);
    }

    /** The canonical TPMT_PUBLIC bytes (what the Name hashes). */
    public byte[] toBytes() {
        TpmWriter w = new TpmWriter(512);
        write(w);
        return w.toByteArray();
    }

    public boolean isSymmetricType() {
        return type == TpmAlgId.KEYEDHASH || type == TpmAlgId.SYMCIPHER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicArea p && Arrays.equals(toBytes(), p.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }
}
