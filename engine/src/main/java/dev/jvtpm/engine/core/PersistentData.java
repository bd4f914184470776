package dev.jvtpm.engine.core;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * Data written to NV as soon as it changes (the reference's {@code gp}): primary seeds and proofs,
 * hierarchy authorizations, dictionary-attack state, reset counters and the orderly-shutdown
 * marker. PCR allocation and NV contents are sections of their own.
 */
public final class PersistentData implements StateSection {
    /** TPM_SU_CLEAR / TPM_SU_STATE as orderlyState, plus the reference's non-orderly marker. */
    public static final int SU_NONE = 0xFFFF;
    /** Non-orderly, and a DA-protected entity was used this cycle (reference SU_DA_USED_VALUE). */
    public static final int SU_DA_USED = 0xFFFE;
    /** orderlyState flags remembered by Shutdown(STATE) for the following Resume. */
    public static final int PRE_STARTUP_FLAG = 0x8000;
    public static final int STARTUP_LOCALITY_3 = 0x4000;

    public static final int SEED_SIZE = 64;
    public static final int PROOF_SIZE = 64;

    public byte[] endorsementSeed = new byte[SEED_SIZE];
    public byte[] storageSeed = new byte[SEED_SIZE];
    public byte[] platformSeed = new byte[SEED_SIZE];
    public byte[] endorsementProof = new byte[PROOF_SIZE];
    public byte[] storageProof = new byte[PROOF_SIZE];
    public byte[] platformProof = new byte[PROOF_SIZE];

    public byte[] ownerAuth = new byte[0];
    public byte[] endorsementAuth = new byte[0];
    public byte[] lockoutAuth = new byte[0];
    public HierarchyPolicy ownerPolicy = HierarchyPolicy.EMPTY;
    public HierarchyPolicy endorsementPolicy = HierarchyPolicy.EMPTY;
    public HierarchyPolicy lockoutPolicy = HierarchyPolicy.EMPTY;

    public boolean disableClear;

    public int failedTries;
    public int maxTries = 3;
    public int recoveryTime = 1000;
    public int lockoutRecovery = 1000;
    public boolean lockoutAuthEnabled = true;

    public int orderlyState = TpmSu.CLEAR;
    /**
     * Commands that need physical presence (TPM_CAP_PP_COMMANDS); changed by TPM2_PP_Commands,
     * which itself always needs it (the reference's only PP_REQUIRED command).
     */
    public java.util.Set<Integer> ppCommands = new java.util.TreeSet<>(java.util.Set.of(TpmCc.PP_COMMANDS));
    /** Commands being audited (TPM_CAP_AUDIT_COMMANDS); changed by SetCommandCodeAuditStatus. */
    public java.util.Set<Integer> auditCommands = new java.util.TreeSet<>();
    public long resetCount;
    public long totalResetCount;
    /** TPM_PT_ALGORITHM_SET, set by TPM2_SetAlgorithmSet; vendor-defined, it selects nothing here. */
    public int algorithmSet;
    /**
     * The authPolicy of the one PCR policy group (PCR 20-22, as the reference platform), set by
     * TPM2_PCR_SetAuthPolicy and emptied by TPM2_ChangePPS.
     */
    public HierarchyPolicy pcrPolicy = HierarchyPolicy.EMPTY;

    @Override
    public int tag() {
        return 1;
    }

    @Override
    public String name() {
        return "persistent";
    }

    @Override
    public void save(TpmWriter w) {
        w.u16(2); // section version
        for (byte[] b : new byte[][] {endorsementSeed, storageSeed, platformSeed,
                endorsementProof, storageProof, platformProof, ownerAuth, endorsementAuth, lockoutAuth}) {
            w.tpm2b(b);
        }
        ownerPolicy.save(w);
        endorsementPolicy.save(w);
        lockoutPolicy.save(w);
        Codec.bool(w, disableClear);
        w.u32(failedTries).u32(maxTries).u32(recoveryTime).u32(lockoutRecovery);
        Codec.bool(w, lockoutAuthEnabled);
        w.u32(orderlyState).u64(resetCount).u64(totalResetCount);
        writeCodes(w, ppCommands);
        writeCodes(w, auditCommands);
        w.u32(algorithmSet);
        pcrPolicy.save(w);
    }

    private static void writeCodes(TpmWriter w, java.util.Set<Integer> codes) {
        w.u32(codes.size());
        for (int c : codes) {
            w.u32(c);
        }
    }

    private static java.util.Set<Integer> readCodes(TpmReader r) throws TpmException {
        int n = r.u32();
        java.util.Set<Integer> s = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            s.add(r.u32());
        }
        return s;
    }

    @Override
    public void load(TpmReader r) throws TpmException {
        int version = r.u16();
        if (version != 1 && version != 2) {
            throw new TpmException(dev.jvtpm.engine.wire.TpmRc.VALUE, "persistent section version " + version);
        }
        endorsementSeed = r.tpm2b(SEED_SIZE);
        storageSeed = r.tpm2b(SEED_SIZE);
        platformSeed = r.tpm2b(SEED_SIZE);
        endorsementProof = r.tpm2b(PROOF_SIZE);
        storageProof = r.tpm2b(PROOF_SIZE);
        platformProof = r.tpm2b(PROOF_SIZE);
        ownerAuth = r.tpm2b(64);
        endorsementAuth = r.tpm2b(64);
        lockoutAuth = r.tpm2b(64);
        ownerPolicy = HierarchyPolicy.load(r);
        endorsementPolicy = HierarchyPolicy.load(r);
        lockoutPolicy = HierarchyPolicy.load(r);
        disableClear = Codec.bool(r);
        failedTries = r.u32();
        maxTries = r.u32();
        recoveryTime = r.u32();
        lockoutRecovery = r.u32();
        lockoutAuthEnabled = Codec.bool(r);
        orderlyState = r.u32();
        resetCount = r.u64();
        totalResetCount = r.u64();
        ppCommands = readCodes(r);
        auditCommands = readCodes(r);
        ppCommands.add(TpmCc.PP_COMMANDS);
        if (version >= 2) {
            algorithmSet = r.u32();
            pcrPolicy = HierarchyPolicy.load(r);
        } else {
            algorithmSet = 0;
            pcrPolicy = HierarchyPolicy.EMPTY;
        }
    }

    @Override
    public void reset() {
        PersistentData fresh = new PersistentData();
        endorsementSeed = fresh.endorsementSeed;
        storageSeed = fresh.storageSeed;
        platformSeed = fresh.platformSeed;
        endorsementProof = fresh.endorsementProof;
        storageProof = fresh.storageProof;
        platformProof = fresh.platformProof;
        ownerAuth = fresh.ownerAuth;
        endorsementAuth = fresh.endorsementAuth;
        lockoutAuth = fresh.lockoutAuth;
        ownerPolicy = fresh.ownerPolicy;
        endorsementPolicy = fresh.endorsementPolicy;
        lockoutPolicy = fresh.lockoutPolicy;
        disableClear = fresh.disableClear;
        failedTries = fresh.failedTries;
        maxTries = fresh.maxTries;
        recoveryTime = fresh.recoveryTime;
        lockoutRecovery = fresh.lockoutRecovery;
        lockoutAuthEnabled = fresh.lockoutAuthEnabled;
        orderlyState = fresh.orderlyState;
        resetCount = fresh.resetCount;
        totalResetCount = fresh.totalResetCount;
        ppCommands = fresh.ppCommands;
        auditCommands = fresh.auditCommands;
        algorithmSet = fresh.algorithmSet;
        pcrPolicy = fresh.pcrPolicy;
    }
}
