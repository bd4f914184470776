package dev.jvtpm.engine.command.capability;

import dev.jvtpm.engine.TpmIdentity;
import dev.jvtpm.engine.auth.DictionaryAttack;
import dev.jvtpm.engine.auth.SessionTable;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.TpmClock;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvPublic;
import dev.jvtpm.engine.nv.NvSpace;
import dev.jvtpm.engine.object.ObjectStore;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.Tpm;

/** The values of TPM_PT properties (Part 2 §6.13) for TPM_CAP_TPM_PROPERTIES. */
public final class TpmProperties {
    private TpmProperties() {}

    /** "2.0" as the u32 TPM_SPEC_FAMILY. */
    public static final int FAMILY_2_0 = 0x322E3000;
    /** MAX_DIGEST_BUFFER: TPM2B_MAX_BUFFER size for Hash, SequenceUpdate etc. */
    public static final int INPUT_BUFFER = 1024;
    /** MAX_NV_BUFFER_SIZE. */
    public static final int NV_BUFFER_MAX = 1024;
    /** MAX_CAP_BUFFER. */
    public static final int MAX_CAP_BUFFER = 1024;
    public static final int MAX_ORDERLY_COUNT = 255;

    /** The value of {@code pt}, or null when this TPM does not define it. */
    public static Integer value(TpmCore core, int pt) {
        TpmIdentity id = core.config.identity();
        switch (pt) {
            case TpmPt.FAMILY_INDICATOR: return FAMILY_2_0;
            case TpmPt.LEVEL: return id.specLevel();
            case TpmPt.REVISION: return id.specRevision();
            case TpmPt.DAY_OF_YEAR: return id.specDayOfYear();
            case TpmPt.YEAR: return id.specYear();
            case TpmPt.MANUFACTURER: return TpmIdentity.packed(id.manufacturer());
            case TpmPt.VENDOR_STRING_1: return TpmIdentity.packed(id.vendor1());
            case TpmPt.VENDOR_STRING_2: return TpmIdentity.packed(id.vendor2());
            case TpmPt.VENDOR_STRING_3: return TpmIdentity.packed(id.vendor3());
            case TpmPt.VENDOR_STRING_4: return TpmIdentity.packed(id.vendor4());
            case TpmPt.VENDOR_TPM_TYPE: return 1;
            case TpmPt.FIRMWARE_VERSION_1: return id.firmwareVersion1();
            case TpmPt.FIRMWARE_VERSION_2: return id.firmwareVersion2();
            case TpmPt.INPUT_BUFFER: return INPUT_BUFFER;
            case TpmPt.HR_TRANSIENT_MIN: return ObjectStore.MAX_LOADED_OBJECTS;
            case TpmPt.HR_PERSISTENT_MIN: return NvSpace.MIN_EVICT_OBJECTS;
            case TpmPt.HR_LOADED_MIN: return SessionTable.MAX_LOADED_SESSIONS;
            case TpmPt.ACTIVE_SESSIONS_MAX: return SessionTable.MAX_ACTIVE_SESSIONS;
            case TpmPt.PCR_COUNT: return PcrAttributes.PCR_COUNT;
            case TpmPt.PCR_SELECT_MIN: return PcrAttributes.SELECT_SIZE;
            case TpmPt.CONTEXT_GAP_MAX: return 0xFFFF;
            case TpmPt.NV_COUNTERS_MAX: return 0;
            case TpmPt.NV_INDEX_MAX: return NvPublic.MAX_INDEX_SIZE;
            case TpmPt.MEMORY: return 0x6; // sharedNV | objectCopiedToRam
            case TpmPt.CLOCK_UPDATE: return 1 << TpmClock.UPDATE_INTERVAL_BITS;
            case TpmPt.CONTEXT_HASH: return TpmAlgId.SHA512;
            case TpmPt.CONTEXT_SYM: return TpmAlgId.AES;
            case TpmPt.CONTEXT_SYM_SIZE: return 256;
            case TpmPt.ORDERLY_COUNT: return MAX_ORDERLY_COUNT;
            case TpmPt.MAX_COMMAND_SIZE: return core.bufferSize;
            case TpmPt.MAX_RESPONSE_SIZE: return core.bufferSize;
            case TpmPt.MAX_DIGEST: return HashAlg.MAX_DIGEST_SIZE;
            case TpmPt.MAX_OBJECT_CONTEXT: return ContextSizes.MAX_OBJECT_CONTEXT;
            case TpmPt.MAX_SESSION_CONTEXT: return ContextSizes.MAX_SESSION_CONTEXT;
            case TpmPt.PS_FAMILY_INDICATOR: return id.platformSpec().family();
            case TpmPt.PS_LEVEL: return id.platformSpec().level();
            case TpmPt.PS_REVISION: return id.platformSpec().revision();
            case TpmPt.PS_DAY_OF_YEAR: return id.platformSpec().dayOfYear();
            case TpmPt.PS_YEAR: return id.platformSpec().year();
            case TpmPt.SPLIT_MAX: return 0;
            case TpmPt.TOTAL_COMMANDS: return Tpm.commandTable().size();
            case TpmPt.LIBRARY_COMMANDS: return Tpm.commandTable().size();
            case TpmPt.VENDOR_COMMANDS: return 0;
            case TpmPt.NV_BUFFER_MAX: return NV_BUFFER_MAX;
            case TpmPt.MODES: return 0;
            case TpmPt.MAX_CAP_BUFFER: return MAX_CAP_BUFFER;

            case TpmPt.PERMANENT: return permanent(core);
            case TpmPt.STARTUP_CLEAR: return startupClear(core);
            case TpmPt.HR_NV_INDEX: return core.nv.indexCount();
            case TpmPt.HR_LOADED: return core.sessions().loadedCount();
            case TpmPt.HR_LOADED_AVAIL: return SessionTable.MAX_LOADED_SESSIONS - core.sessions().loadedCount();
            case TpmPt.HR_ACTIVE: return core.sessions().loadedCount() + core.sessions().savedCount();
            case TpmPt.HR_ACTIVE_AVAIL:
                return SessionTable.MAX_ACTIVE_SESSIONS - core.sessions().loadedCount() - core.sessions().savedCount();
            case TpmPt.HR_TRANSIENT_AVAIL: return core.objects.freeSlots();
            case TpmPt.HR_PERSISTENT: return core.persistent.count();
            case TpmPt.HR_PERSISTENT_AVAIL: return core.nv.persistentObjectsAvailable();
            case TpmPt.NV_COUNTERS: return core.nv.counterCount();
            case TpmPt.NV_COUNTERS_AVAIL: return core.nv.countersAvailable();
            case TpmPt.ALGORITHM_SET: return core.gp.algorithmSet;
            case TpmPt.LOADED_CURVES: return Algorithms.eccCurves().length;
            case TpmPt.LOCKOUT_COUNTER: return core.gp.failedTries;
            case TpmPt.MAX_AUTH_FAIL: return core.gp.maxTries;
            case TpmPt.LOCKOUT_INTERVAL: return core.gp.recoveryTime;
            case TpmPt.LOCKOUT_RECOVERY: return core.gp.lockoutRecovery;
            case TpmPt.NV_WRITE_RECOVERY: return 0;
            case TpmPt.AUDIT_COUNTER_0: return 0;
            case TpmPt.AUDIT_COUNTER_1: return 0;
            default: return null;
        }
    }

    /** TPMA_PERMANENT (Part 2 §8.6). */
    static int permanent(TpmCore core) {
        int v = 0;
        if (core.gp.ownerAuth.length != 0) {
            v |= 1;
        }
        if (core.gp.endorsementAuth.length != 0) {
            v |= 1 << 1;
        }
        if (core.gp.lockoutAuth.length != 0) {
            v |= 1 << 2;
        }
        if (core.gp.disableClear) {
            v |= 1 << 8;
        }
        if (DictionaryAttack.inLockout(core)) {
            v |= 1 << 9;
        }
        v |= 1 << 10; // tpmGeneratedEPS
        return v;
    }

    /** TPMA_STARTUP_CLEAR (Part 2 §8.7). */
    static int startupClear(TpmCore core) {
        int v = 0;
        if (core.phEnable) {
            v |= 1;
        }
        if (core.gc.shEnable) {
            v |= 1 << 1;
        }
        if (core.gc.ehEnable) {
            v |= 1 << 2;
        }
        if (core.gc.phEnableNV) {
            v |= 1 << 3;
        }
        if (Lifecycle.isOrderly(core.prevOrderlyState)) {
            v |= 1 << 31;
        }
        return v;
    }
}
