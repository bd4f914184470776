package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.TpmAlgId;

/** Block cipher modes a TPM uses (TPM_ALG_CFB etc.). CFB is full-block (CFB-128). */
public enum SymMode {
    CFB(TpmAlgId.CFB), CTR(TpmAlgId.CTR), OFB(TpmAlgId.OFB), CBC(TpmAlgId.CBC), ECB(TpmAlgId.ECB);

    private final int algId;

    SymMode(int algId) {
        this.algId = algId;
    }

    public int algId() {
        return algId;
    }

    public static SymMode fromAlgId(int id) {
        for (SymMode m : values()) {
            if (m.algId == id) {
                return m;
            }
        }
        return null;
    }
}
