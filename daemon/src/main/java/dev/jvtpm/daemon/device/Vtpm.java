package dev.jvtpm.daemon.device;

import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.engine.command.CommandDispatcher;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.wire.TpmRc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The virtual TPM as the channels see it: the engine (once assembled), the process-global
 * locality that CMD_SET_LOCALITY and the mssim prefix set, and the power transitions with
 * swtpm's locking. Every operation of the control, data and platform channels holds this
 * object's monitor, so a control command runs between data commands as in swtpm's single
 * poll loop; callers composing several steps synchronize on it themselves.
 */
public final class Vtpm {
    /** libtpms' TPM2_CC_SET_LOCALITY vendor command (swtpm's --locality allow-set-locality). */
    public static final int CC_SET_LOCALITY = 0x20001000;
    /**
     * swtpm 0.7.1 refuses a locality in the vendor SetLocality command with 0x107 (observed),
     * its own constant, not TPM 2.0's TPM_RC_LOCALITY (0x907).
     */
    static final int SWTPM_RC_LOCALITY = 0x107;
    /** The response every data command gets while the TPM is not running (swtpm §2.2). */
    private static final byte[] FATAL = CommandDispatcher.errorResponse(TpmRc.FAILURE);

    private final CompletableFuture<Engine> ready;
    /** Without not-need-init the TPM stays off until CMD_INIT, so an engine still being assembled is simply off. */
    private final boolean needInit;
    private final boolean rejectLocality4;
    private final boolean allowSetLocality;
    private final DaemonLog log;
    private int locality;

    public Vtpm(CompletableFuture<Engine> ready, boolean needInit, boolean rejectLocality4, boolean allowSetLocality,
                DaemonLog log) {
        this.ready = ready;
        this.needInit = needInit;
        this.rejectLocality4 = rejectLocality4;
        this.allowSetLocality = allowSetLocality;
        this.log = log;
    }

    /** The engine; waits for start-up to finish assembling it. */
    public Engine engine() {
        try {
            return ready.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the TPM engine could not be started", e.getCause());
        }
    }

    public DaemonLog log() {
        return log;
    }

    public boolean rejectLocality4() {
        return rejectLocality4;
    }

    /** Whether {@code loc} may be set: 0..4, 4 only without reject-locality-4. */
    public boolean localityAllowed(int loc) {
        return loc >= 0 && loc <= 4 && !(loc == 4 && rejectLocality4);
    }

    public synchronized int locality() {
        return locality;
    }

    public synchronized void setLocality(int loc) {
        if (!localityAllowed(loc)) {
            throw new IllegalArgumentException("locality " + loc);
        }
        locality = loc;
    }

    public synchronized boolean running() {
        return engine().tpm().isRunning();
    }

    /**
     * A data-channel command at the current locality: the fatal response while not running,
     * the in-band SetLocality vendor command as swtpm handles it, otherwise the engine's answer.
     */
    public synchronized byte[] execute(byte[] command) {
        if (offWhileAssembling()) {
            return FATAL.clone();
        }
        Engine e = engine();
        if (!e.tpm().isRunning()) {
            return FATAL.clone();
        }
        if (command.length >= 10 && u32(command, 6) == CC_SET_LOCALITY) {
            return setLocalityInBand(command);
        }
        e.tpm().setLocality(locality);
        return e.tpm().execute(command);
    }

    /**
     * A data-channel command with the MS-simulator prefix: like swtpm, the prefix's locality
     * becomes the process-global locality. Localities above 4 (and 4 with reject-locality-4)
     * are answered TPM_RC_LOCALITY instead of reaching the engine; swtpm passes them to
     * libtpms unchecked.
     */
    public synchronized byte[] executePrefixed(byte[] command, int prefixLocality) {
        if (offWhileAssembling() || !engine().tpm().isRunning()) {
            return FATAL.clone();
        }
        if (!localityAllowed(prefixLocality)) {
            return CommandDispatcher.errorResponse(TpmRc.LOCALITY);
        }
        locality = prefixLocality;
        return execute(command);
    }

    /** An MS-simulator SEND_COMMAND, which carries its own locality (0..4 here). */
    public synchronized byte[] executeAt(byte[] command, int commandLocality) {
        if (!localityAllowed(commandLocality)) {
            return CommandDispatcher.errorResponse(TpmRc.LOCALITY);
        }
        return engine().tpm().execute(command, commandLocality);
    }

    /**
     * QEMU probes the data channel before CMD_INIT and gives the answer one second; the engine's
     * crypto self-tests may still be running then on a loaded host. Until CMD_INIT the TPM is off
     * whatever the engine's progress, so the probe is answered without waiting for it.
     */
    private boolean offWhileAssembling() {
        return needInit && !ready.isDone();
    }

    /** TPM2_SetLocality (vendor 0x20001000) as swtpm 0.7.1 built with vTPM proxy support answers it. */
    private byte[] setLocalityInBand(byte[] command) {
        if (command.length < 11) {
            return CommandDispatcher.errorResponse(TpmRc.INSUFFICIENT);
        }
        if (!allowSetLocality) {
            return FATAL.clone();
        }
        int loc = command[10] & 0xFF;
        if (!localityAllowed(loc)) {
            return CommandDispatcher.errorResponse(SWTPM_RC_LOCALITY);
        }
        locality = loc;
        return CommandDispatcher.errorResponse(TpmRc.SUCCESS);
    }

    /**
     * Powers the TPM on (_TPM_Init; swtpm's CMD_INIT): terminates it if running, takes the state
     * directory's lock, loads the state. A failure is logged with its reason and leaves the TPM
     * off and the files untouched.
     *
     * @return null on success, else why it failed
     */
    public synchronized String powerOn(boolean deleteVolatile) {
        Engine e = engine();
        e.tpm().stop();
        try {
            e.store().lock();
        } catch (StateException ex) {
            log.error("Could not lock access to the state: " + ex.getMessage());
            return ex.getMessage();
        }
        try {
            e.tpm().init(deleteVolatile);
            return null;
        } catch (StateException | RuntimeException ex) {
            log.error("Could not initialize the TPM: " + ex.getMessage());
            return ex.getMessage() == null ? ex.toString() : ex.getMessage();
        }
    }

    public synchronized void powerOff() {
        engine().tpm().stop();
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
