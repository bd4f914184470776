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
    public byte[] commandAuditDigest = new byte[0];

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
        return c;
    }

    void save(TpmWriter w) {
        w.u16(1).tpm2b(nullSeed).tpm2b(nullProof).u64(clearCount).u64(restartCount)
                .u64(objectContextId).u64(contextCounter).u32(pcrCounter).tpm2b(commandAuditDigest);
    }

    void load(TpmReader r) throws TpmException {
        r.u16();
        nullSeed = r.tpm2b(PersistentData.SEED_SIZE);
        nullProof = r.tpm2b(PersistentData.PROOF_SIZE);
        clearCount = r.u64();
        restartCount = r.u64();
        objectContextId = r.u64();
        contextCounter = r.u64();
        pcrCounter = r.u32();
        commandAuditDigest = r.tpm2b(64);
    }
}
