package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The authorization area of one command: parsing (RetrieveSessionData), authorization checks
 * (ParseSessionBuffer / CheckAuthSession), and the response's session area
 * (BuildResponseSession), with the reference's response codes and session positions.
 *
 * <p>Password sessions (TPM_RS_PW) are complete. HMAC and policy session handles resolve
 * through the TPM's session table; a handle not loaded there is TPM_RC_REFERENCE_S0 + n.
 */
public final class SessionProcessor {
    /** The most sessions one command may carry (MAX_SESSION_NUM). */
    public static final int MAX_SESSIONS = 3;

    private final List<SessionEntry> sessions;
    private final Entity[] associated;

    private SessionProcessor(List<SessionEntry> sessions) {
        this.sessions = sessions;
        this.associated = new Entity[sessions.size()];
    }

    /** A command sent with TPM_ST_NO_SESSIONS: TPM_RC_AUTH_MISSING when it needs authorization. */
    public static SessionProcessor none(CommandDescriptor d) throws TpmException {
        if (d.authHandles() > 0) {
            throw new TpmException(TpmRc.AUTH_MISSING);
        }
        return new SessionProcessor(List.of());
    }

    /** Parses {@code area} (exactly the authorizationSize bytes) for command {@code d}. */
    public static SessionProcessor parse(TpmCore core, CommandDescriptor d, TpmReader area) throws TpmException {
        if (d.noSessions()) {
            throw new TpmException(TpmRc.AUTH_CONTEXT);
        }
        List<SessionEntry> list = new ArrayList<>(MAX_SESSIONS);
        for (int i = 0; area.hasRemaining(); i++) {
            int n = i + 1;
            if (i == MAX_SESSIONS) {
                throw TpmException.session(n, TpmRc.SIZE);
            }
            SessionEntry s;
            try {
                int handle = area.u32();
                if (!isSessionHandle(handle)) {
                    throw new TpmException(TpmRc.VALUE);
                }
                byte[] nonce = area.tpm2b(HashAlg.MAX_DIGEST_SIZE);
                int attrs = area.u8();
                if ((attrs & SessionEntry.RESERVED) != 0) {
                    throw new TpmException(TpmRc.RESERVED_BITS);
                }
                byte[] hmac = area.tpm2b(HashAlg.MAX_DIGEST_SIZE);
                s = new SessionEntry(handle, nonce, attrs, hmac);
            } catch (TpmException e) {
                throw e.atSession(n);
            }
            if (s.handle() == TpmHandles.RS_PW) {
                if (s.has(SessionEntry.ENCRYPT) || s.has(SessionEntry.DECRYPT) || s.has(SessionEntry.AUDIT)
                        || s.has(SessionEntry.AUDIT_EXCLUSIVE) || s.has(SessionEntry.AUDIT_RESET)) {
                    throw TpmException.session(n, TpmRc.ATTRIBUTES);
                }
                if (s.nonceCaller().length != 0) {
                    throw TpmException.session(n, TpmRc.NONCE);
                }
            } else if (!core.sessions().isLoaded(s.handle())) {
                throw new TpmException(TpmRc.REFERENCE_S0 + i);
            }
            list.add(s);
        }
        if (list.isEmpty()) {
            // authorizationSize ≥ 9 was checked by the caller, so an empty area cannot happen.
            throw new TpmException(TpmRc.AUTHSIZE);
        }
        if (d.authHandles() > list.size()) {
            throw new TpmException(TpmRc.AUTH_MISSING);
        }
        return new SessionProcessor(list);
    }

    private static boolean isSessionHandle(int h) {
        if (h == TpmHandles.RS_PW) {
            return true;
        }
        int type = TpmHandles.type(h);
        return (type == TpmHandles.HT_HMAC_SESSION || type == TpmHandles.HT_POLICY_SESSION)
                && (h & 0xFFFFFF) < SessionTable.MAX_ACTIVE_SESSIONS;
    }

    public int count() {
        return sessions.size();
    }

    public List<SessionEntry> sessions() {
        return sessions;
    }

    /**
     * Checks every session against the entity it authorizes ({@code entities[i]} for session i,
     * for the command's leading auth handles), in session order, as the reference does.
     */
    public void authorize(TpmCore core, CommandDescriptor d, Entity[] entities) throws TpmException {
        for (int i = 0; i < sessions.size(); i++) {
            SessionEntry s = sessions.get(i);
            Entity e = i < d.authHandles() ? entities[i] : null;
            associated[i] = e;
            int n = i + 1;
            if (s.handle() == TpmHandles.RS_PW) {
                if (e == null) {
                    throw TpmException.session(n, TpmRc.HANDLE);
                }
                checkPassword(core, d, d.handles().get(i).role(), s, e, n);
            } else {
                core.sessions().authorize(core, d, s, e, n);
            }
        }
    }

    /**
     * CheckAuthSession for a password session, in the reference's order: physical presence for
     * platform authorization of PP commands, dictionary-attack lockout, policy-only roles
     * (TPM_RC_AUTH_TYPE), entities whose authValue cannot be used (TPM_RC_AUTH_UNAVAILABLE), then
     * the comparison with trailing zeros stripped on both sides, and the PIN index counting that
     * follows any comparison.
     */
    private static void checkPassword(TpmCore core, CommandDescriptor d, AuthRole role, SessionEntry s, Entity e,
                                      int n) throws TpmException {
        if (e.handle() == TpmHandles.RH_PLATFORM && core.gp.ppCommands.contains(d.code()) && !core.physicalPresence) {
            throw TpmException.session(n, TpmRc.PP);
        }
        DictionaryAttack.checkLockedOut(core, e);
        if (e.policyRequired(role)) {
            throw new TpmException(TpmRc.AUTH_TYPE);
        }
        if (!e.authValueAvailable(d.code(), role)) {
            throw new TpmException(TpmRc.AUTH_UNAVAILABLE);
        }
        boolean matched = MessageDigest.isEqual(stripTrailingZeros(e.authValue()), stripTrailingZeros(s.hmac()));
        int failure = matched ? TpmRc.SUCCESS : DictionaryAttack.recordFailure(core, e);
        e.authValueChecked(core, matched);
        if (!matched) {
            throw TpmException.session(n, failure);
        }
    }


    /** Writes the response authorization area (after the response parameters). */
    public void writeResponse(TpmCore core, TpmWriter w) {
        for (SessionEntry s : sessions) {
            if (s.handle() == TpmHandles.RS_PW) {
                // The reference sets continueSession on every password session's reply.
                w.u16(0).u8(s.attributes() | SessionEntry.CONTINUE_SESSION).u16(0);
            } else {
                core.sessions().writeResponse(core, s, w);
            }
        }
    }

    /** The authValue with trailing zero bytes removed (Part 1 §19.6.4.3). */
    public static byte[] stripTrailingZeros(byte[] v) {
        int n = v.length;
        while (n > 0 && v[n - 1] == 0) {
            n--;
        }
        return n == v.length ? v : Arrays.copyOf(v, n);
    }
}
