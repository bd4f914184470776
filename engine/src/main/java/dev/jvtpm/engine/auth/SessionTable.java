package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.StartupKind;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * The TPM's HMAC and policy sessions, tracked as the reference does (Session.c): a context array
 * of MAX_ACTIVE_SESSIONS entries in {@code gr} saying for each session handle whether it is free,
 * loaded in one of the MAX_LOADED_SESSIONS slots, or saved under a 16-bit context slot value,
 * and the slots themselves in RAM.
 *
 * <p>Handles are 0x02000000 + entry (HMAC) or 0x03000000 + entry (policy and trial), lowest free
 * entry first. A saved context may be loaded only once and comes back at the same handle. With a
 * 16-bit slot (TPM_PT_CONTEXT_GAP_MAX 0xFFFF) TPM_RC_CONTEXT_GAP needs 65 532 saves while one old
 * context stays saved.
 */
public final class SessionTable {
    /** MAX_ACTIVE_SESSIONS, as libtpms: session handles 0x02000000..0x0200003F / 0x03000000..0x0300003F. */
    public static final int MAX_ACTIVE_SESSIONS = 64;
    /** MAX_LOADED_SESSIONS (TPM_PT_HR_LOADED_MIN reports this). */
    public static final int MAX_LOADED_SESSIONS = 3;
    /** The context slot is the low 16 bits of the context counter (libtpms' s_ContextSlotMask). */
    private static final int SLOT_MASK = 0xFFFF;

    private final TpmCore core;
    private final Session[] slots = new Session[MAX_LOADED_SESSIONS];
    /** Entry of the oldest saved context; MAX_ACTIVE_SESSIONS + 1 when none is saved. */
    private int oldestSaved = MAX_ACTIVE_SESSIONS + 1;
    /** g_exclusiveAuditSession. */
    private int exclusiveAudit = TpmHandles.RH_UNASSIGNED;

    public SessionTable(TpmCore core) {
        this.core = core;
    }

    private int[] array() {
        return core.gr.contextArray;
    }

    private int freeSlots() {
        int n = 0;
        for (Session s : slots) {
            if (s == null) {
                n++;
            }
        }
        return n;
    }

    private static int entry(int handle) {
        return handle & 0xFFFFFF;
    }

    /** _TPM_Init: nothing is in RAM (the volatile state may reload it afterwards). */
    public void clear() {
        Arrays.fill(slots, null);
        exclusiveAudit = TpmHandles.RH_UNASSIGNED;
        setOldest();
    }

    /**
     * SessionStartup: loaded sessions are gone after any Startup; saved contexts survive a TPM
     * Restart or Resume (their entries are in the restored {@code gr}) and die on a TPM Reset.
     */
    public void startup(StartupKind kind) {
        Arrays.fill(slots, null);
        int[] a = array();
        if (kind == StartupKind.RESUME || kind == StartupKind.RESTART) {
            for (int i = 0; i < MAX_ACTIVE_SESSIONS; i++) {
                if (a[i] <= MAX_LOADED_SESSIONS) {
                    a[i] = 0;
                }
            }
        } else {
            Arrays.fill(a, 0);
            core.gr.contextCounter = MAX_LOADED_SESSIONS + 1;
        }
        setOldest();
    }

    /** ContextIdSetOldest. */
    private void setOldest() {
        int[] a = array();
        oldestSaved = MAX_ACTIVE_SESSIONS + 1;
        int low = (int) (core.gr.contextCounter & SLOT_MASK);
        int smallest = SLOT_MASK;
        for (int i = 0; i < MAX_ACTIVE_SESSIONS; i++) {
            if (a[i] > MAX_LOADED_SESSIONS) {
                int age = (a[i] - low) & SLOT_MASK;
                if (age <= smallest) {
                    smallest = age;
                    oldestSaved = i;
                }
            }
        }
    }

    /** The entry of {@code handle} refers to a loaded session (of either type). */
    public boolean isLoaded(int handle) {
        int e = entry(handle);
        return e < MAX_ACTIVE_SESSIONS && array()[e] != 0 && array()[e] <= MAX_LOADED_SESSIONS;
    }

    /** The entry of {@code handle} refers to a saved (context-saved) session. */
    public boolean isSaved(int handle) {
        int e = entry(handle);
        return e < MAX_ACTIVE_SESSIONS && array()[e] > MAX_LOADED_SESSIONS;
    }

    /** The loaded session at {@code handle}'s entry, or null. */
    public Session get(int handle) {
        return isLoaded(handle) ? slots[array()[entry(handle)] - 1] : null;
    }

    /** The handle a loaded session has: its entry with the HMAC or policy session type. */
    private int handleOf(int entry) {
        Session s = slots[array()[entry] - 1];
        return (s.policy ? TpmHandles.POLICY_SESSION_FIRST : TpmHandles.HMAC_SESSION_FIRST) + entry;
    }

    /**
     * SessionCreate's bookkeeping: a free slot (TPM_RC_SESSION_MEMORY), no maxed-out context gap
     * when this takes the last slot (TPM_RC_CONTEXT_GAP), a free entry (TPM_RC_SESSION_HANDLES).
     * Returns the new session's handle.
     */
    public int create(Session s) throws TpmException {
        int slot = firstFreeSlot();
        int[] a = array();
        if (oldestSaved < MAX_ACTIVE_SESSIONS && freeSlots() == 1
                && (core.gr.contextCounter & SLOT_MASK) == a[oldestSaved]) {
            throw new TpmException(TpmRc.CONTEXT_GAP);
        }
        for (int e = 0; e < MAX_ACTIVE_SESSIONS; e++) {
            if (a[e] == 0) {
                a[e] = slot + 1;
                slots[slot] = s;
                return (s.policy ? TpmHandles.POLICY_SESSION_FIRST : TpmHandles.HMAC_SESSION_FIRST) + e;
            }
        }
        throw new TpmException(TpmRc.SESSION_HANDLES);
    }

    private int firstFreeSlot() throws TpmException {
        for (int i = 0; i < MAX_LOADED_SESSIONS; i++) {
            if (slots[i] == null) {
                return i;
            }
        }
        throw new TpmException(TpmRc.SESSION_MEMORY);
    }

    /**
     * SessionContextSave: gives the loaded session at {@code handle} the current context counter
     * as its sequence and frees its slot. TPM_RC_CONTEXT_GAP when the oldest saved context already
     * holds the slot value the counter would reuse.
     */
    public long contextSave(int handle) throws TpmException {
        int[] a = array();
        if (oldestSaved < MAX_ACTIVE_SESSIONS && a[oldestSaved] == (core.gr.contextCounter & SLOT_MASK)) {
            throw new TpmException(TpmRc.CONTEXT_GAP);
        }
        if (core.gr.contextCounter == -1L) {
            throw new TpmException(TpmRc.TOO_MANY_CONTEXTS);
        }
        long sequence = core.gr.contextCounter;
        int e = entry(handle);
        int slot = a[e] - 1;
        a[e] = (int) (sequence & SLOT_MASK);
        core.gr.contextCounter++;
        // Skip the low values that mean "loaded in slot n".
        if ((core.gr.contextCounter & SLOT_MASK) == 0) {
            core.gr.contextCounter += MAX_LOADED_SESSIONS + 1;
        }
        if (oldestSaved >= MAX_ACTIVE_SESSIONS) {
            oldestSaved = e;
        }
        slots[slot] = null;
        return sequence;
    }

    /** SequenceNumberForSavedContextIsValid: {@code handle} is saved with this sequence number. */
    public boolean sequenceValid(int handle, long sequence) {
        int e = entry(handle);
        if (e >= MAX_ACTIVE_SESSIONS || array()[e] <= MAX_LOADED_SESSIONS) {
            return false;
        }
        long counter = core.gr.contextCounter;
        return array()[e] == (int) (sequence & SLOT_MASK)
                && Long.compareUnsigned(sequence, counter) <= 0
                && Long.compareUnsigned(counter - sequence, SLOT_MASK + 1L) <= 0;
    }

    /**
     * SessionContextLoad: puts a saved session back into a slot at its own handle.
     * TPM_RC_SESSION_MEMORY without a free slot; TPM_RC_CONTEXT_GAP when the gap is maxed out and
     * the last slot must go to the oldest context.
     */
    public void contextLoad(int handle, Session s) throws TpmException {
        int slot = firstFreeSlot();
        int e = entry(handle);
        int[] a = array();
        if (oldestSaved < MAX_ACTIVE_SESSIONS && freeSlots() == 1
                && (core.gr.contextCounter & SLOT_MASK) == a[oldestSaved] && e != oldestSaved) {
            throw new TpmException(TpmRc.CONTEXT_GAP);
        }
        a[e] = slot + 1;
        if (e == oldestSaved) {
            setOldest();
        }
        slots[slot] = s;
    }

    /** SessionFlush: forgets a loaded or saved session. */
    public void flush(int handle) {
        int e = entry(handle);
        int[] a = array();
        int v = a[e];
        a[e] = 0;
        if (v > MAX_LOADED_SESSIONS) {
            if (e == oldestSaved) {
                setOldest();
            }
        } else if (v > 0) {
            slots[v - 1] = null;
        }
        if (handle == exclusiveAudit) {
            exclusiveAudit = TpmHandles.RH_UNASSIGNED;
        }
    }

    /** g_exclusiveAuditSession: the handle of the exclusive audit session, or TPM_RH_UNASSIGNED. */
    public int exclusiveAudit() {
        return exclusiveAudit;
    }

    public void setExclusiveAudit(int handle) {
        exclusiveAudit = handle;
    }

    /** Number of sessions loaded in TPM memory (TPM_PT_HR_LOADED). */
    public int loadedCount() {
        return MAX_LOADED_SESSIONS - freeSlots();
    }

    /** Number of sessions saved with ContextSave (TPM_PT_HR_ACTIVE counts loaded + saved). */
    public int savedCount() {
        int n = 0;
        for (int v : array()) {
            if (v > MAX_LOADED_SESSIONS) {
                n++;
            }
        }
        return n;
    }

    /** SessionCapGetLoaded: handles of loaded sessions from {@code from}'s entry on, in entry order. */
    public int[] loadedHandles(int from) {
        int[] a = array();
        int[] out = new int[MAX_ACTIVE_SESSIONS];
        int n = 0;
        for (int e = entry(from); e < MAX_ACTIVE_SESSIONS; e++) {
            if (a[e] != 0 && a[e] <= MAX_LOADED_SESSIONS) {
                out[n++] = handleOf(e);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * SessionCapGetSaved: handles of saved sessions from {@code from}'s entry on. Like the
     * reference, a saved session is reported with the HMAC session type whatever its kind.
     */
    public int[] savedHandles(int from) {
        int[] a = array();
        int[] out = new int[MAX_ACTIVE_SESSIONS];
        int n = 0;
        for (int e = entry(from); e < MAX_ACTIVE_SESSIONS; e++) {
            if (a[e] > MAX_LOADED_SESSIONS) {
                out[n++] = TpmHandles.HMAC_SESSION_FIRST + e;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The loaded sessions and the exclusive audit session, for the volatile state blob. */
    public StateSection section() {
        return new StateSection() {
            @Override
            public int tag() {
                return 120;
            }

            @Override
            public String name() {
                return "sessions";
            }

            @Override
            public void save(TpmWriter w) {
                w.u16(1).u32(exclusiveAudit).u8(slots.length);
                for (Session s : slots) {
                    w.u8(s == null ? 0 : 1);
                    if (s != null) {
                        s.save(w);
                    }
                }
            }

            @Override
            public void load(TpmReader r) throws TpmException {
                r.u16();
                exclusiveAudit = r.u32();
                int n = r.u8();
                Arrays.fill(slots, null);
                for (int i = 0; i < n; i++) {
                    if (r.u8() != 0) {
                        Session s = Session.load(r);
                        if (i < slots.length) {
                            slots[i] = s;
                        }
                    }
                }
                setOldest();
            }

            @Override
            public void reset() {
                clear();
            }
        };
    }
}
