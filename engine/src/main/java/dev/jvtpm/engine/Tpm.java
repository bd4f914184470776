package dev.jvtpm.engine;

import dev.jvtpm.engine.command.CommandDispatcher;
import dev.jvtpm.engine.command.CommandTable;
import dev.jvtpm.engine.command.StandardCommands;
import dev.jvtpm.engine.core.FailureCode;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.SelfTestFailure;
import dev.jvtpm.engine.state.BlobKind;
import dev.jvtpm.engine.state.StateBlobCodec;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.state.StateStore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Optional;

/**
 * One whole TPM 2.0: seeds, NV, PCRs, objects, sessions, clock, DRBG. Commands go in as bytes
 * and responses come out as bytes; the platform signals a TPM chip receives from its host
 * (power/_TPM_Init, locality, _TPM_Hash_*, physical presence) are methods.
 *
 * <p>Thread-safe: every method is serialised on the instance, since a TPM executes one command
 * at a time. Different instances share nothing mutable and run in parallel.
 */
public final class Tpm {
    private static final CommandTable STANDARD_TABLE = StandardCommands.table();
    private static final byte[] NOT_RUNNING_RESPONSE = CommandDispatcher.errorResponse(TpmRc.FAILURE);

    private final TpmConfig config;
    private final TpmCore core;
    private final CommandDispatcher dispatcher;
    private boolean running;
    /** Blobs set while stopped (SET_STATEBLOB), applied by the next init. */
    private final java.util.EnumMap<BlobKind, byte[]> pendingBlobs = new java.util.EnumMap<>(BlobKind.class);

    private Tpm(TpmConfig config) {
        this.config = config;
        this.core = new TpmCore(config);
        this.dispatcher = new CommandDispatcher(STANDARD_TABLE);
    }

    /** A powered-off TPM; call {@link #init} (swtpm's CMD_INIT) before sending commands. */
    public static Tpm create(TpmConfig config) {
        return new Tpm(config);
    }

    public TpmConfig config() {
        return config;
    }

    /** The engine internals, for tests in this package's test tree (never public). */
    TpmCore core() {
        return core;
    }

    /** The commands this TPM implements (what GetCapability reports). */
    public static CommandTable commandTable() {
        return STANDARD_TABLE;
    }

    /**
     * Power on (_TPM_Init): loads permanent state from the store (a fresh TPM is manufactured on
     * first use), applies blobs given with {@link #setStateBlob}, and resumes from a volatile blob
     * if one is stored; {@code deleteVolatile} removes that blob once loaded. A running TPM is
     * first terminated, as swtpm's CMD_INIT does.
     *
     * @throws StateException when the stored state cannot be used (tampered, wrong key,
     *     unknown format); the TPM stays off and the files are untouched
     */
    public synchronized void init(boolean deleteVolatile) throws StateException {
        running = false;
        StateStore store = config.stateStore();
        if (!pendingBlobs.isEmpty()) {
            for (var e : pendingBlobs.entrySet()) {
                StateBlobCodec.verify(e.getKey(), e.getValue(), "state blob set over the control channel");
            }
            // Two files cannot be replaced at once. The stored volatile blob goes first and the new
            // one is written last (EnumMap order: PERMANENT, VOLATILE), so a crash in between leaves
            // a permanent state without volatile state (as any crash does), never one TPM's
            // permanent state next to another's volatile state for the next power-on to resume.
            if (pendingBlobs.containsKey(BlobKind.PERMANENT) && pendingBlobs.containsKey(BlobKind.VOLATILE)) {
                store.delete(BlobKind.VOLATILE);
            }
            for (var e : pendingBlobs.entrySet()) {
                store.write(e.getKey(), e.getValue());
            }
            pendingBlobs.clear();
        }
        Lifecycle.init(core, deleteVolatile);
        running = true;
    }

    /** Terminates the TPM (swtpm's CMD_STOP): commands get TPM_RC_FAILURE until the next init. */
    public synchronized void stop() {
        running = false;
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** Executes one command at the current locality and returns the response. Never throws. */
    public synchronized byte[] execute(byte[] command) {
        if (!running) {
            return NOT_RUNNING_RESPONSE.clone();
        }
        return dispatcher.execute(core, command);
    }

    /** Executes one command at {@code locality} (MS-simulator framing carries it per command). */
    public synchronized byte[] execute(byte[] command, int locality) {
        int saved = core.locality;
        core.locality = locality;
        try {
            return execute(command);
        } finally {
            core.locality = saved;
        }
    }

    /** Sets the locality of subsequent commands (0..4). */
    public synchronized void setLocality(int locality) {
        if (locality < 0 || locality > 4) {
            throw new IllegalArgumentException("locality " + locality);
        }
        core.locality = locality;
    }

    public synchronized int locality() {
        return core.locality;
    }

    /** Convenience for {@code --flags startup-clear|startup-state}: sends TPM2_Startup; returns the response code. */
    public synchronized int startup(int startupType) {
        byte[] cmd = new TpmWriter(12).u16(TpmSt.NO_SESSIONS).u32(12).u32(TpmCc.STARTUP).u16(startupType)
                .toByteArray();
        byte[] rsp = execute(cmd);
        return ((rsp[6] & 0xFF) << 24) | ((rsp[7] & 0xFF) << 16) | ((rsp[8] & 0xFF) << 8) | (rsp[9] & 0xFF);
    }

    /** Whether TPM2_Startup has completed since power on. */
    public synchronized boolean isStarted() {
        return running && core.started;
    }

    // ---- DRTM / TIS platform signals ----

    /** _TPM_Hash_Start (TIS/CRB locality-4 hash interface; swtpm CMD_HASH_START). */
    public synchronized void hashStart() {
        signal(() -> Lifecycle.hashStart(core));
    }

    /** _TPM_Hash_Data: ignored when no hash sequence is open. */
    public synchronized void hashData(byte[] data) {
        signal(() -> Lifecycle.hashData(core, data));
    }

    /** _TPM_Hash_End: extends PCR 17 (after Startup) or PCR 0 (H-CRTM, before Startup). */
    public synchronized void hashEnd() {
        signal(() -> Lifecycle.hashEnd(core));
    }

    /**
     * Runs a platform signal. Signals have no response: a TPM that is off or in failure mode
     * ignores them, and a self-test failure they trigger puts the TPM in failure mode.
     */
    private void signal(Runnable action) {
        if (!running || core.failureMode) {
            return;
        }
        try {
            action.run();
        } catch (SelfTestFailure e) {
            core.enterFailureMode(FailureCode.SELF_TEST, "SelfTest", e.getMessage());
            return;
        }
        persistIfDirty();
    }

    /** The TIS "tpmEstablished" bit. */
    public synchronized boolean tpmEstablished() {
        return core.tpmEstablished;
    }

    /**
     * Clears tpmEstablished; allowed only from locality 3 or 4.
     *
     * @return false when refused for the locality
     */
    public synchronized boolean resetTpmEstablished(int locality) {
        if (locality < 3 || locality > 4) {
            return false;
        }
        if (core.tpmEstablished) {
            core.tpmEstablished = false;
            core.markPersistentDirty();
            persistIfDirty();
        }
        return true;
    }

    public synchronized void setPhysicalPresence(boolean asserted) {
        core.physicalPresence = asserted;
    }

    /** Commands run to completion one at a time; there is never one in progress to cancel. */
    public void cancel() {
    }

    // ---- State blobs (swtpm GET/SET_STATEBLOB, STORE_VOLATILE) ----

    /** Writes the running TPM's volatile state to the store (CMD_STORE_VOLATILE). */
    public synchronized void storeVolatile() throws StateException {
        requireRunning();
        config.stateStore().write(BlobKind.VOLATILE, volatileBlob());
    }

    /**
     * A state blob for migration or backup. PERMANENT comes from the store as last written;
     * VOLATILE is serialised from the live TPM (and any stored volatile blob is then deleted,
     * as swtpm does). {@code decrypted} selects plaintext over the store's sealed form.
     */
    public synchronized Optional<byte[]> getStateBlob(BlobKind kind, boolean decrypted) throws StateException {
        requireRunning();
        StateStore store = config.stateStore();
        switch (kind) {
            case PERMANENT:
                return decrypted ? store.read(kind) : store.readSealed(kind);
            case VOLATILE: {
                byte[] blob = volatileBlob();
                store.delete(BlobKind.VOLATILE);
                return Optional.of(decrypted ? blob : store.seal(kind, blob));
            }
            default:
                return Optional.empty();
        }
    }

    /**
     * Sets a blob while stopped; it takes effect at the next {@link #init}. An empty blob clears
     * that kind. {@code encrypted} means the blob is in the store's sealed form.
     */
    public synchronized void setStateBlob(BlobKind kind, byte[] blob, boolean encrypted) throws StateException {
        if (running) {
            throw new IllegalStateException("state blobs can only be set while the TPM is stopped");
        }
        if (kind == BlobKind.SAVESTATE) {
            throw new StateException("a TPM 2.0 has no savestate blob");
        }
        if (blob.length == 0) {
            pendingBlobs.remove(kind);
            config.stateStore().delete(kind);
            return;
        }
        byte[] plain = encrypted ? config.stateStore().unseal(kind, blob) : blob;
        StateBlobCodec.verify(kind, plain, "state blob set over the control channel");
        pendingBlobs.put(kind, plain);
    }

    // ---- Buffer size (swtpm SET_BUFFERSIZE) ----

    public synchronized int bufferSize() {
        return core.bufferSize;
    }

    /** Sets the buffer size while stopped, clamped to [{@value TpmConfig#MIN_BUFFER_SIZE}, {@value TpmConfig#MAX_BUFFER_SIZE}]; returns the size in force. */
    public synchronized int setBufferSize(int size) {
        if (running) {
            throw new IllegalStateException("buffer size can only be changed while the TPM is stopped");
        }
        core.bufferSize = Math.max(TpmConfig.MIN_BUFFER_SIZE, Math.min(TpmConfig.MAX_BUFFER_SIZE, size));
        return core.bufferSize;
    }

    /**
     * libtpms-style TPMLIB_GetInfo JSON for swtpm's GET_INFO: flag 1 TPMSpecification,
     * 2 TPMAttributes, 4 TPMFeatures. swtpm_setup copies these into EK certificates.
     */
    public String info(long flags) {
        TpmIdentity id = config.identity();
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        if ((flags & 1) != 0) {
            sb.append(sep).append("\"TPMSpecification\":{\"family\":\"2.0\",\"level\":").append(id.specLevel())
                    .append(",\"revision\":").append(id.specRevision()).append('}');
            sep = ",";
        }
        if ((flags & 2) != 0) {
            sb.append(sep).append("\"TPMAttributes\":{\"manufacturer\":\"").append(id.manufacturerId())
                    .append("\",\"version\":\"").append(String.format("id:%08X", id.firmwareVersion1()))
                    .append("\",\"model\":\"").append(id.model()).append("\"}");
            sep = ",";
        }
        if ((flags & 4) != 0) {
            sb.append(sep).append("\"TPMFeatures\":{\"RSAKeySizes\":[").append(StandardCommands.rsaKeySizesJson())
                    .append("]}");
        }
        return sb.append('}').toString();
    }

    private byte[] volatileBlob() {
        return StateBlobCodec.encode(BlobKind.VOLATILE, core.volatileSections());
    }

    private void requireRunning() throws StateException {
        if (!running) {
            throw new StateException("TPM is not running");
        }
    }

    private void persistIfDirty() {
        if (core.takePersistentDirty()) {
            try {
                config.stateStore().write(BlobKind.PERMANENT,
                        StateBlobCodec.encode(BlobKind.PERMANENT, core.permanentSections()));
            } catch (StateException e) {
                core.enterFailureMode("NV write failed: " + e.getMessage());
            }
        }
    }
}
