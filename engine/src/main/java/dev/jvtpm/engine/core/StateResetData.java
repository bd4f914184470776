package dev.jvtpm.engine.core;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * Data cleared only by a TPM Reset and kept by Restart and Resume (the reference's {@code gr}):
 * the null hierarchy's seed and proof, restart and clear counters, context counters and the
 * PCR update counter.
 */
public final class StateResetData {
    public byte[] nullSeed = new byte[PersistentData.SEED_SIZE];
    public byte[] nullProof = new byte[PersistentData.PROOF_SIZE];
    public long clearCount;
    public long restartCount;
    public long objectContextId;
    public long contextCounter;
    public int pcrCounter;
    /**
     * The command audit digest; empty until the next audited command starts a new one (and
     * increments the audit counter), one byte long as the reference's marker that the audit hash
     * just changed.
     */
    public byte[] commandAuditDigest = new byte[0];
    /**
     * The reference's contextArray, one entry per session handle (MAX_ACTIVE_SESSIONS): 0 free,
     * 1..MAX_LOADED_SESSIONS loaded in that slot, otherwise the low 16 bits of the contextCounter
     * value the saved context was given. Kept by Restart and Resume so saved sessions survive them.
     */
    public int[] contextArray = new int[64];

    public StateResetData copy() {
        StateResetData c = new StateResetData();
        c.nullSeed = nullSeed.clone();
        c.nullProof = nullProof.clone();
        c.clearCount = clearCount;
        c.restartCount = restartCount;
        c.objectContextId = objectContextId;
        c.contextCounter = contextCounter;
        c.pcrCounter = pcrCounter;
        c.commandAuditDigest = commandAuditDigest.clone();
        c.contextArray = contextArray.clone();
        return c;
    }

    void save(TpmWriter w) {
        w.u16(2).tpm2b(nullSeed).tpm2b(nullProof).u64(clearCount).u64(restartCount)
                .u64(objectContextId).u64(contextCounter).u32(pcrCounter).tpm2b(commandAuditDigest);
        w.u16(contextArray.length);
        for (int v : contextArray) {
            w.u16(v);
        }
    }

    void load(TpmReader r) throws TpmException {
        int version = r.u16();
        nullSeed = r.tpm2b(PersistentData.SEED_SIZE);
        nullProof = r.tpm2b(PersistentData.PROOF_SIZE);
        clearCount = r.u64();
        restartCount = r.u64();
        objectContextId = r.u64();
        contextCounter = r.u64();
        pcrCounter = r.u32();
        commandAuditDigest = r.tpm2b(64);
        contextArray = new int[64];
        if (version >= 2) {
            int n = r.u16();
            for (int i = 0; i < n; i++) {
                int v = r.u16();
                if (i < contextArray.length) {
                    contextArray[i] = v;
                }
            }
        }
    }
}
