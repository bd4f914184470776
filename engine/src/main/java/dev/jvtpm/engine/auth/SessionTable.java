package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * The TPM's HMAC and policy sessions (loaded and saved), indexed by handle. Sessions are created
 * by TPM2_StartAuthSession; until that command is present the table is always empty, so every
 * non-password session handle is reported as not loaded.
 */
public final class SessionTable {
    /** MAX_ACTIVE_SESSIONS, as libtpms: session handles 0x02000000..0x0200003F / 0x03000000..0x0300003F. */
    public static final int MAX_ACTIVE_SESSIONS = 64;
    /** MAX_LOADED_SESSIONS (TPM_PT_HR_LOADED_MIN reports this). */
    public static final int MAX_LOADED_SESSIONS = 3;

    public boolean isLoaded(int handle) {
        return false;
    }

    /** Number of sessions loaded in TPM memory (TPM_PT_HR_LOADED). */
    public int loadedCount() {
        return 0;
    }

    /** Number of sessions saved with ContextSave (TPM_PT_HR_ACTIVE counts loaded + saved). */
    public int savedCount() {
        return 0;
    }

    /** Handles of loaded sessions at or above {@code from}, ascending. */
    public int[] loadedHandles(int from) {
        return new int[0];
    }

    /** Handles of saved (context-saved) sessions at or above {@code from}, ascending. */
    public int[] savedHandles(int from) {
        return new int[0];
    }

    void authorize(TpmCore core, CommandDescriptor d, SessionEntry s, Entity e, int n) throws TpmException {
        throw new TpmException(TpmRc.REFERENCE_S0 + n - 1);
    }

    void writeResponse(TpmCore core, SessionEntry s, TpmWriter w) {
        throw new IllegalStateException("no HMAC or policy session can be loaded");
    }

    /** Forgets every session (TPM Reset). */
    public void clear() {
    }
}
