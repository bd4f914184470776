package dev.jvtpm.engine.core;

import dev.jvtpm.engine.auth.CommandAudit;
import dev.jvtpm.engine.auth.DictionaryAttack;
import dev.jvtpm.engine.object.EventSequence;
import dev.jvtpm.engine.pcr.DigestValues;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.state.BlobKind;
import dev.jvtpm.engine.state.StateBlobCodec;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.state.StateStore;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.util.Arrays;
import java.util.Optional;

/**
 * Power and startup transitions of one TPM: _TPM_Init, TPM2_Startup, TPM2_Shutdown, the DRTM
 * signals and manufacture of a fresh TPM. Ported from the structure of the reference's
 * TPM2_Startup (Part 3 §9.3) so Reset/Restart/Resume keep exactly the spec's counters.
 */
public final class Lifecycle {
    private Lifecycle() {}

    /**
     * _TPM_Init: loads the permanent state (manufacturing the TPM when there is none), applies a
     * pending PCR allocation, and resumes from a volatile blob if one is stored.
     */
    public static void init(TpmCore core, boolean deleteVolatile) throws StateException {
        StateStore store = core.config.stateStore();
        Optional<byte[]> permanent = store.read(BlobKind.PERMANENT);
        if (permanent.isPresent()) {
            StateBlobCodec.decode(BlobKind.PERMANENT, permanent.get(), core.permanentSections(),
                    store.describe() + " (permanent state)");
        } else {
            manufacture(core);
            store.write(BlobKind.PERMANENT, StateBlobCodec.encode(BlobKind.PERMANENT, core.permanentSections()));
        }
        // Time starts again from zero: a new epoch (persisted by the next NV write, at the latest
        // by TPM2_Startup).
        core.ga.timeEpoch++;
        core.pcrs.applyAllocation(core.pcrAllocation);
        core.pcrReconfigured = false;
        core.clock.init();
        core.started = false;
        core.drtmPreStartup = false;
        core.startupLocality3 = false;
        core.objects.flushAll();
        core.selfTest.reset();
        core.phEnable = true;
        core.daUsed = false;
        core.failureMode = false;
        core.failureCode = FailureCode.NONE;
        core.failureWhere = "";
        core.failureReason = "";
        core.gc = new StateClearData();
        core.gr = new StateResetData();
        core.sessions().clear();
        core.nv.keepPersistentObjects(core.persistent.handles(0));
        core.nv.powerOn();
        Optional<byte[]> vol = store.read(BlobKind.VOLATILE);
        if (vol.isPresent()) {
            StateBlobCodec.decode(BlobKind.VOLATILE, vol.get(), core.volatileSections(),
                    store.describe() + " (volatile state)");
            if (deleteVolatile) {
                store.delete(BlobKind.VOLATILE);
            }
        }
    }

    /** A brand-new TPM: fresh seeds and proofs, default auths, DA parameters and PCR banks. */
    public static void manufacture(TpmCore core) {
        core.gp.reset();
        core.go.reset();
        core.pcrAllocation.reset();
        core.nv.manufacture();
        core.persistent.section().reset();
        core.savedGc = null;
        core.savedGr = null;
        core.tpmEstablished = false;
        core.ga.reset();
        core.gp.auditCommands.add(CommandAudit.ALWAYS_AUDITED);
        core.gp.endorsementSeed = core.random(PersistentData.SEED_SIZE);
        core.gp.storageSeed = core.random(PersistentData.SEED_SIZE);
        core.gp.platformSeed = core.random(PersistentData.SEED_SIZE);
        core.gp.endorsementProof = core.random(PersistentData.PROOF_SIZE);
        core.gp.storageProof = core.random(PersistentData.PROOF_SIZE);
        core.gp.platformProof = core.random(PersistentData.PROOF_SIZE);
    }

    /** TPM2_Startup. Returns what kind of startup it was. */
    public static StartupKind startup(TpmCore core, int startupType) throws TpmException {
        int locality = core.locality;
        if (locality != 0 && locality != 3) {
            throw new TpmException(TpmRc.LOCALITY);
        }
        if (core.drtmPreStartup) {
            locality = 0;
        }
        boolean locality3 = locality == 3;
        // As in libtpms this happens before the Startup(STATE) checks, so a refused Resume
        // leaves the orderly state SU_NONE in RAM and the following Startup(CLEAR) does not count
        // the DA use of the crashed cycle.
        core.daUsed = core.gp.orderlyState == PersistentData.SU_DA_USED;
        if (core.daUsed) {
            core.gp.orderlyState = PersistentData.SU_NONE;
        }
        int prev = core.gp.orderlyState;
        int prevFlags = 0;
        if (isOrderly(prev)) {
            prevFlags = prev & (PersistentData.PRE_STARTUP_FLAG | PersistentData.STARTUP_LOCALITY_3);
            prev &= ~(PersistentData.PRE_STARTUP_FLAG | PersistentData.STARTUP_LOCALITY_3);
        }
        if (startupType == TpmSu.STATE) {
            if (prev != TpmSu.STATE || core.savedGc == null) {
                throw TpmException.parameter(1, TpmRc.VALUE);
            }
            if (core.drtmPreStartup != ((prevFlags & PersistentData.PRE_STARTUP_FLAG) != 0)) {
                throw TpmException.parameter(1, TpmRc.VALUE);
            }
            if (locality3 != ((prevFlags & PersistentData.STARTUP_LOCALITY_3) != 0)) {
                throw new TpmException(TpmRc.LOCALITY);
            }
        }
        core.startupLocality3 = locality3;
        core.prevOrderlyState = prev;
        StartupKind kind;
        if (prev == TpmSu.STATE && core.savedGc != null) {
            core.gr = core.savedGr.copy();
            if (startupType == TpmSu.STATE) {
                core.gc = core.savedGc.copy();
                kind = StartupKind.RESUME;
            } else {
                core.gc = new StateClearData();
                kind = StartupKind.RESTART;
            }
        } else {
            core.gr = new StateResetData();
            core.gc = new StateClearData();
            kind = StartupKind.RESET;
        }

        // TimeStartup: Clock is not safe after a non-orderly shutdown.
        if (!isOrderly(prev)) {
            core.go.clockSafe = false;
        }
        // DAStartup: rebase the DA timers, count a crash during DA use as a failure.
        DictionaryAttack.startup(core, prev);
        // HierarchyStartup
        core.phEnable = true;
        if (kind != StartupKind.RESUME) {
            core.gc.platformAuth = new byte[0];
            core.gc.platformPolicy = HierarchyPolicy.EMPTY;
            core.gc.shEnable = true;
            core.gc.ehEnable = true;
            core.gc.phEnableNV = true;
        }
        if (kind == StartupKind.RESET) {
            core.gr.nullProof = core.random(PersistentData.PROOF_SIZE);
            core.gr.nullSeed = core.random(PersistentData.SEED_SIZE);
        }
        pcrStartup(core, kind, locality);
        switch (kind) {
            case RESUME:
                core.gr.restartCount++;
                break;
            case RESTART:
                core.gr.clearCount++;
                core.gr.restartCount++;
                break;
            default:
                core.gr.objectContextId = 0;
                core.gr.clearCount = 0;
                core.gp.resetCount++;
                core.gp.totalResetCount++;
                core.gr.restartCount = 0;
                break;
        }
        core.sessions().startup(kind);
        // ObjectStartup: transient objects never survive TPM2_Startup, not even a Resume.
        core.objects.flushAll();
        core.nv.startup(kind, prev == PersistentData.SU_NONE);
        core.savedGc = null;
        core.savedGr = null;
        core.gp.orderlyState = PersistentData.SU_NONE;
        core.started = true;
        core.markPersistentDirty();
        return kind;
    }

    /** PCRStartup: restore saved PCRs on Resume, else set the platform's initial values. */
    private static void pcrStartup(TpmCore core, StartupKind kind, int locality) {
        if (kind == StartupKind.RESET) {
            core.gr.pcrCounter = 0;
        }
        for (int pcr = 0; pcr < PcrAttributes.PCR_COUNT; pcr++) {
            boolean restore = kind == StartupKind.RESUME && PcrAttributes.stateSaved(pcr);
            if (!restore) {
                core.pcrChanged(pcr);
            }
            if (pcr == PcrAttributes.HCRTM_PCR && kind != StartupKind.RESUME && core.drtmPreStartup) {
                continue;
            }
            for (HashAlg alg : HashAlg.values()) {
                if (!core.pcrs.isAllocated(alg, pcr)) {
                    continue;
                }
                byte[] value = new byte[alg.digestSize()];
                byte[][] saved = core.gc.savedPcrs[alg.ordinal()];
                if (restore && saved != null && pcr < saved.length && saved[pcr] != null) {
                    value = saved[pcr];
                } else if (PcrAttributes.resetToOnes(pcr)) {
                    Arrays.fill(value, (byte) 0xFF);
                } else if (pcr == PcrAttributes.HCRTM_PCR) {
                    value[value.length - 1] = (byte) locality;
                }
                core.pcrs.set(alg, pcr, value);
            }
        }
    }

    /** TPM2_Shutdown. */
    public static void shutdown(TpmCore core, int shutdownType) throws TpmException {
        if (core.pcrReconfigured && shutdownType == TpmSu.STATE) {
            throw TpmException.parameter(1, TpmRc.TYPE);
        }
        int orderly = shutdownType;
        if (shutdownType == TpmSu.STATE) {
            StateClearData gc = core.gc.copy();
            byte[][][] all = core.pcrs.snapshot();
            for (HashAlg alg : HashAlg.values()) {
                byte[][] bank = all[alg.ordinal()];
                if (bank == null) {
                    continue;
                }
                for (int pcr = 0; pcr < bank.length; pcr++) {
                    if (!PcrAttributes.stateSaved(pcr)) {
                        bank[pcr] = null;
                    }
                }
            }
            gc.savedPcrs = all;
            core.savedGc = gc;
            core.savedGr = core.gr.copy();
            if (core.drtmPreStartup) {
                orderly |= PersistentData.PRE_STARTUP_FLAG;
            } else if (core.startupLocality3) {
                orderly |= PersistentData.STARTUP_LOCALITY_3;
            }
        } else {
            core.savedGc = null;
            core.savedGr = null;
        }
        // Any later DA-protected authorization makes the shutdown non-orderly again (DA_USED).
        core.daUsed = false;
        core.nv.saveOrderlyData();
        core.go.time = core.clock.time();
        core.gp.orderlyState = orderly;
        core.markPersistentDirty();
    }

    /**
     * A state-changing command after Shutdown makes the next startup non-orderly (g_clearOrderly),
     * remembering whether DA-protected authorization was used (SU_DA_USED).
     */
    public static void clearOrderly(TpmCore core) {
        if (isOrderly(core.gp.orderlyState)) {
            core.gp.orderlyState = core.daUsed ? PersistentData.SU_DA_USED : PersistentData.SU_NONE;
            core.markPersistentDirty();
        }
    }

    public static boolean isOrderly(int orderlyState) {
        return orderlyState != PersistentData.SU_NONE && orderlyState != PersistentData.SU_DA_USED;
    }

    /**
     * _TPM_Hash_Start: opens the DRTM event sequence in an object slot (evicting the lowest
     * object if all are taken, as the reference does); the platform sets TPM-established.
     */
    public static void hashStart(TpmCore core) {
        for (HashAlg alg : HashAlg.values()) {
            core.selfTest.ensureTested(alg.id());
        }
        core.objects.startDrtm(new EventSequence(new byte[0]));
        if (!core.tpmEstablished) {
            core.tpmEstablished = true;
            core.markPersistentDirty();
        }
    }

    /** _TPM_Hash_Data: ignored when no sequence is open. */
    public static void hashData(TpmCore core, byte[] data) {
        EventSequence seq = core.objects.drtm();
        if (seq != null) {
            seq.update(data);
        }
    }

    /**
     * _TPM_Hash_End. After Startup (a DRTM): PCRs resettable from locality 4 (17-22) go to zero,
     * PCR 17 is extended with the digest of each allocated bank, and restartCount is incremented.
     * Before Startup (an H-CRTM): PCR 0 := 0...04 extended with the digest. Like the reference,
     * the resets do not count in pcrUpdateCounter but every bank's extend does.
     */
    public static void hashEnd(TpmCore core) {
        EventSequence seq = core.objects.drtm();
        if (seq == null) {
            return;
        }
        core.objects.endDrtm();
        int pcr;
        if (core.started) {
            for (int p = 0; p < PcrAttributes.PCR_COUNT; p++) {
                if (PcrAttributes.resettableAt(p, 4)) {
                    core.pcrs.resetToZero(p);
                }
            }
            pcr = PcrAttributes.DRTM_PCR;
            core.gr.restartCount++;
        } else {
            pcr = PcrAttributes.HCRTM_PCR;
            core.drtmPreStartup = true;
        }
        for (DigestValues.Digest d : seq.complete(new byte[0])) {
            HashAlg alg = d.alg();
            if (!core.pcrs.isAllocated(alg, pcr)) {
                continue;
            }
            byte[] initial = new byte[alg.digestSize()];
            if (!core.started) {
                initial[initial.length - 1] = 4;
            }
            core.pcrs.set(alg, pcr, initial);
            core.pcrs.extend(core.crypto, alg, pcr, d.digest());
            core.pcrChanged(pcr);
        }
    }
}
