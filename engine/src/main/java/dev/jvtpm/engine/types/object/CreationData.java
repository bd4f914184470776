package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.List;

/**
 * TPMS_CREATION_DATA (Part 2 §15.1): what TPM2_Create/CreatePrimary report about the
 * circumstances of creation. Output only. For a primary object the parent name and qualified name
 * are both the 4-byte hierarchy handle and parentNameAlg is TPM_ALG_NULL (libtpms
 * FillInCreationData).
 */
public record CreationData(List<PcrSelection> pcrSelect, byte[] pcrDigest, int locality, int parentNameAlg,
                           byte[] parentName, byte[] parentQualifiedName, byte[] outsideInfo) {

    public void write(TpmWriter w) {
        PcrSelection.writeList(w, pcrSelect);
        w.tpm2b(pcrDigest).u8(locality).u16(parentNameAlg)
                .tpm2b(parentName).tpm2b(parentQualifiedName).tpm2b(outsideInfo);
    }

    /** The marshalled TPMS_CREATION_DATA, whose nameAlg digest is the creationHash. */
    public byte[] toBytes() {
        TpmWriter w = new TpmWriter(256);
        write(w);
        return w.toByteArray();
    }

    /** As TPM2B_CREATION_DATA. */
    public void writeSized(TpmWriter w) {
        int mark = w.beginSized();
        write(w);
        w.endSized(mark);
    }
}
