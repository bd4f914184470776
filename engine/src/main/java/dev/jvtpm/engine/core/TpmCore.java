package dev.jvtpm.engine.core;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.auth.SessionTable;
import dev.jvtpm.engine.command.capability.Algorithms;
import dev.jvtpm.engine.crypto.AlgorithmSelfTest;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.BufferedDrbg;
import dev.jvtpm.engine.crypto.CtrDrbg;
import dev.jvtpm.engine.crypto.Kdf;
import dev.jvtpm.engine.nv.NvStore;
import dev.jvtpm.engine.pcr.PcrAllocation;
import dev.jvtpm.engine.pcr.PcrBanks;
import dev.jvtpm.engine.object.ObjectStore;
import dev.jvtpm.engine.object.derivation.PrimarySource;
import dev.jvtpm.engine.object.derivation.RsaKeyPool;
import dev.jvtpm.engine.object.derivation.RsaKeySource;
import dev.jvtpm.engine.object.PersistentObjects;
import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one TPM instance holds, for the engine's internals (commands, lifecycle, state
 * codec). Not thread-safe: {@link dev.jvtpm.engine.Tpm} serialises access. The public API is
 * {@link dev.jvtpm.engine.Tpm}; this class is internal even though commands in other packages
 * reach it.
 *
 * <p>Field groups follow the reference implementation: {@link #gp} (persistent), {@link #go}
 * (orderly), {@link #gc} (cleared by Startup(CLEAR)) and {@link #gr} (cleared by TPM Reset),
 * with the copies {@link #savedGc}/{@link #savedGr} that Shutdown(STATE) writes to NV.
 */
public final class TpmCore {
    public final TpmConfig config;
    /**
     * The instance's primitives, self-testing each TPM algorithm on first use. Everything that
     * computes TPM results uses this; only the DRBG and the self-tests use the unchecked suite.
     */
    public final CryptoSuite crypto;
    /** The algorithm self-test state (g_toTest) behind TPM2_SelfTest and friends. */
    public final AlgorithmSelfTest selfTest;
    public final Kdf kdf;
    private final BufferedDrbg drbg;
    public final TpmClock clock;
    /** TPM2_CreatePrimary's derivation (and its cache). */
    public final PrimarySource primaries;
    /** Where TPM2_Create's RSA keys come from. */
    public final RsaKeySource rsaKeys;

    // Persistent (the "permall" blob)
    public final PersistentData gp = new PersistentData();
    public final OrderlyData go = new OrderlyData();
    public final PcrAllocation pcrAllocation;
    /** Command audit hash and counter, and the time epoch (persistent). */
    public final AuditData ga = new AuditData();
    /** The NV indexes (their NV image is permanent state, orderly RAM data volatile). */
    public final NvStore nv = new NvStore(new NvStore.Listener() {
        @Override
        public void nvChanged() {
            markPersistentDirty();
        }

        @Override
        public void orderlyDataChanged() {
            Lifecycle.clearOrderly(TpmCore.this);
        }
    });
    /** gc and gr as saved by the last Shutdown(STATE); null when there is nothing to resume. */
    public StateClearData savedGc;
    public StateResetData savedGr;
    /** The DRTM "TPM established" flag (TIS access register), persistent like the hardware bit. */
    public boolean tpmEstablished;

    // Volatile
    public StateClearData gc = new StateClearData();
    public StateResetData gr = new StateResetData();
    public final PcrBanks pcrs;
    /** Transient object slots (keys, data objects, sequences, the DRTM sequence). */
    public final ObjectStore objects = new ObjectStore();
    /** Persistent objects (TPM2_EvictControl), part of the permanent state. */
    public final PersistentObjects persistent = new PersistentObjects(nv);
    private final SessionTable sessions = new SessionTable(this);
    /** g_phEnable: platform hierarchy enable, cleared by HierarchyControl, set by Startup(CLEAR). */
    public boolean phEnable = true;
    /** orderlyState found by the last Startup (TPMA_STARTUP_CLEAR.orderly reports it). */
    public int prevOrderlyState = PersistentData.SU_NONE;
    /** TPM2_Startup has completed since the last _TPM_Init. */
    public boolean started;
    /** An H-CRTM sequence (_TPM_Hash_Start..End before Startup) happened this cycle. */
    public boolean drtmPreStartup;
    /** Startup was received at locality 3. */
    public boolean startupLocality3;
    /** Set by PCR_Allocate until the next _TPM_Init; Shutdown(STATE) is then refused. */
    public boolean pcrReconfigured;
    /** Negotiated command/response buffer size (TPM_PT_MAX_COMMAND_SIZE / MAX_RESPONSE_SIZE). */
    public int bufferSize;
    /** Locality of the command being executed. */
    public int locality;
    /**
     * g_daUsed: a DA-protected authValue has been checked since Startup/Shutdown, and the orderly
     * state says so (SU_DA_USED), so a crash from here on counts as an authorization failure.
     */
    public boolean daUsed;
    /** Physical presence asserted by the platform (mssim PP_ON). */
    public boolean physicalPresence;
    /** Failure mode: every command but GetTestResult/GetCapability answers TPM_RC_FAILURE. */
    public boolean failureMode;
    /** Why the TPM is in failure mode: a FATAL_ERROR_* code, where, and a message for logs. */
    public FailureCode failureCode = FailureCode.NONE;
    public String failureWhere = "";
    public String failureReason = "";

    private boolean persistentDirty;

    public TpmCore(TpmConfig config) {
        this.config = config;
        CryptoSuite raw = config.crypto();
        AlgorithmSelfTest tests = new AlgorithmSelfTest(raw, Algorithms.implemented().keySet());
        this.selfTest = tests;
        this.crypto = raw.checkedBy(tests::ensureTested);
        this.kdf = crypto.kdf();
        this.clock = new TpmClock(config.time());
        // The DRBG has its own health checks (SP 800-90A); like the reference's, it is not
        // subject to the algorithm self-test, so GetRandom does not test AES.
        this.drbg = new BufferedDrbg(new CtrDrbg(raw.ciphers(), raw.entropy(),
                "jvtpm DRBG".getBytes(StandardCharsets.US_ASCII)));
        this.primaries = new PrimarySource(crypto, config.primaryCacheSize(),
                () -> List.of(gp.storageSeed, gp.endorsementSeed, gp.platformSeed, gr.nullSeed));
        this.rsaKeys = config.rsaKeys() != null ? config.rsaKeys() : RsaKeyPool.unpooled(crypto.rsa());
        this.pcrAllocation = new PcrAllocation(config.defaultPcrBanks());
        this.pcrs = new PcrBanks(pcrAllocation);
        this.bufferSize = config.bufferSize();
    }

    public SessionTable sessions() {
        return sessions;
    }

    /** Random bytes from the TPM's DRBG. */
    public byte[] random(int n) {
        byte[] out = new byte[n];
        drbg.fill(out);
        return out;
    }

    /** Fills {@code out} from the TPM's DRBG (a {@code RandomSource} for key and secret generation). */
    public void randomFill(byte[] out) {
        drbg.fill(out);
    }

    /** TPM2_StirRandom: reseeds the DRBG with {@code additionalInput} (≤ 48 bytes) mixed in. */
    public void stirRandom(byte[] additionalInput) {
        drbg.reseed(additionalInput);
    }

    /** Counts a PCR change in the PCR update counter unless the PCR is in the no-increment group. */
    public void pcrChanged(int pcr) {
        if (!PcrBanks.noIncrement(pcr)) {
            gr.pcrCounter++;
        }
    }

    /** Persistent data changed; the dispatcher writes the permanent blob before answering. */
    public void markPersistentDirty() {
        persistentDirty = true;
    }

    /**
     * NvFlushHierarchy: removes from NV the persistent objects of {@code hierarchy} and, for
     * TPM_RH_OWNER, the indexes the owner created, in the order of the NV list (TPM2_Clear,
     * ChangeEPS, ChangePPS).
     */
    public void flushNvHierarchy(int hierarchy) {
        for (int handle : nv.flushHierarchy(hierarchy, h -> persistent.hierarchyOf(h) == hierarchy)) {
            persistent.forget(handle);
        }
    }

    /**
     * The end of a command or signal: performs NV writes queued for its end (orderly index data,
     * libtpms' UT_ORDERLY) and answers whether the permanent blob must be written, clearing that.
     */
    public boolean takePersistentDirty() {
        nv.commitOrderlyData();
        boolean d = persistentDirty;
        persistentDirty = false;
        return d;
    }

    /** Enters failure mode with an internal error. */
    public void enterFailureMode(String reason) {
        enterFailureMode(FailureCode.INTERNAL, "jvtpm", reason);
    }

    /** Enters failure mode; {@code where} names the failing part (its first 4 bytes go to GetTestResult). */
    public void enterFailureMode(FailureCode code, String where, String reason) {
        failureMode = true;
        failureCode = code;
        failureWhere = where;
        failureReason = reason;
    }

    /** HierarchyIsEnabled: TPM_RH_NULL is always enabled. */
    public boolean isHierarchyEnabled(int hierarchy) {
        switch (hierarchy) {
            case TpmHandles.RH_PLATFORM:
                return phEnable;
            case TpmHandles.RH_OWNER:
                return gc.shEnable;
            case TpmHandles.RH_ENDORSEMENT:
                return gc.ehEnable;
            default:
                return true;
        }
    }

    /** HierarchyGetPrimarySeed: the seed of a hierarchy, the null seed for TPM_RH_NULL. */
    public byte[] primarySeed(int hierarchy) {
        switch (hierarchy) {
            case TpmHandles.RH_PLATFORM:
                return gp.platformSeed;
            case TpmHandles.RH_ENDORSEMENT:
                return gp.endorsementSeed;
            case TpmHandles.RH_OWNER:
                return gp.storageSeed;
            default:
                return gr.nullSeed;
        }
    }

    /** The proof value of a hierarchy (HierarchyGetProof): the null proof for TPM_RH_NULL and anything else. */
    public byte[] proof(int hierarchy) {
        switch (hierarchy) {
            case TpmHandles.RH_PLATFORM:
                return gp.platformProof;
            case TpmHandles.RH_ENDORSEMENT:
                return gp.endorsementProof;
            case TpmHandles.RH_OWNER:
                return gp.storageProof;
            default:
                return gr.nullProof;
        }
    }

    /** Sections of the permanent blob, in blob order. */
    public List<StateSection> permanentSections() {
        List<StateSection> s = new ArrayList<>();
        s.add(gp);
        s.add(go);
        s.add(pcrAllocation);
        s.add(new SavedStateSection());
        s.add(new PlatformSection());
        s.add(persistent.section());
        // A re-seeded hierarchy's primaries must not outlive its seed in the stored state.
        primaries.forgetStaleSeeds();
        s.add(primaries.cache().section());
        s.add(ga);
        s.add(nv.permanentSection());
        return s;
    }

    /** Sections of the volatile blob (everything in RAM), in blob order. */
    public List<StateSection> volatileSections() {
        List<StateSection> s = new ArrayList<>();
        s.add(new VolatileCoreSection());
        s.add(objects.section());
        s.add(new SelfTestSection());
        s.add(sessions.section());
        s.add(nv.ramSection());
        return s;
    }

    /** The state Shutdown(STATE) saved for the next Resume or Restart. */
    private final class SavedStateSection implements StateSection {
        @Override
        public int tag() {
            return 3;
        }

        @Override
        public String name() {
            return "saved-state";
        }

        @Override
        public void save(TpmWriter w) {
            w.u16(1);
            Codec.bool(w, savedGc != null);
            if (savedGc != null) {
                savedGc.save(w);
                savedGr.save(w);
            }
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            r.u16();
            if (Codec.bool(r)) {
                savedGc = new StateClearData();
                savedGc.load(r);
                savedGr = new StateResetData();
                savedGr.load(r);
            } else {
                savedGc = null;
                savedGr = null;
            }
        }

        @Override
        public void reset() {
            savedGc = null;
            savedGr = null;
        }
    }

    /** Platform bits kept in NV: the TPM-established flag. */
    private final class PlatformSection implements StateSection {
        @Override
        public int tag() {
            return 4;
        }

        @Override
        public String name() {
            return "platform";
        }

        @Override
        public void save(TpmWriter w) {
            w.u16(1);
            Codec.bool(w, tpmEstablished);
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            r.u16();
            tpmEstablished = Codec.bool(r);
        }

        @Override
        public void reset() {
            tpmEstablished = false;
        }
    }

    /** The algorithms not yet self-tested since _TPM_Init. */
    private final class SelfTestSection implements StateSection {
        @Override
        public int tag() {
            return 103;
        }

        @Override
        public String name() {
            return "self-test";
        }

        @Override
        public void save(TpmWriter w) {
            List<Integer> toDo = selfTest.toDo();
            w.u16(1).u16(toDo.size());
            for (int alg : toDo) {
                w.u16(alg);
            }
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            r.u16();
            int n = r.u16();
            List<Integer> toDo = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                toDo.add(r.u16());
            }
            selfTest.restore(toDo);
        }

        @Override
        public void reset() {
            selfTest.reset();
        }
    }

    /** gc, gr, PCR values and the started/locality flags of a running TPM. */
    private final class VolatileCoreSection implements StateSection {
        @Override
        public int tag() {
            return 101;
        }

        @Override
        public String name() {
            return "volatile-core";
        }

        @Override
        public void save(TpmWriter w) {
            w.u16(2);
            gc.save(w);
            gr.save(w);
            StateClearData.writePcrs(w, pcrs.snapshot());
            Codec.bool(w, phEnable);
            Codec.bool(w, started);
            Codec.bool(w, drtmPreStartup);
            Codec.bool(w, startupLocality3);
            Codec.bool(w, pcrReconfigured);
            w.u64(clock.time());
            Codec.bool(w, daUsed);
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            int version = r.u16();
            gc.load(r);
            gr.load(r);
            byte[][][] values = StateClearData.readPcrs(r);
            for (var alg : dev.jvtpm.engine.types.HashAlg.values()) {
                byte[][] bank = values[alg.ordinal()];
                if (bank == null) {
                    continue;
                }
                for (int i = 0; i < bank.length; i++) {
                    if (bank[i] != null) {
                        pcrs.set(alg, i, bank[i]);
                    }
                }
            }
            phEnable = Codec.bool(r);
            started = Codec.bool(r);
            drtmPreStartup = Codec.bool(r);
            startupLocality3 = Codec.bool(r);
            pcrReconfigured = Codec.bool(r);
            clock.restoreTime(r.u64());
            // Version 1 predates DA_USED tracking; false makes the next DA use answer TPM_RC_RETRY once.
            daUsed = version >= 2 && Codec.bool(r);
        }

        @Override
        public void reset() {
            gc = new StateClearData();
            gr = new StateResetData();
            started = false;
            daUsed = false;
        }
    }
}
