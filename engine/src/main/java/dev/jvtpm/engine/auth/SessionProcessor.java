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
 * The authorization area of one command, from parsing to the response's session area, ported from
 * the reference's SessionProcess.c with its response codes and session positions:
 * RetrieveSessionData ({@link #parse}), ParseSessionBuffer / CheckAuthSession and the decryption
 * of the first parameter ({@link #authorize}), and BuildResponseSession ({@link #respond}):
 * new nonces, encryption of the first response parameter, audit, response HMACs and flushing
 * of sessions without continueSession.
 *
 * <p>Nothing about a session changes unless the command succeeds, except the DA consequences of
 * a failed authorization and the bookkeeping flags the reference also sets on the way.
 */
public final class SessionProcessor {
    /** The most sessions one command may carry (MAX_SESSION_NUM). */
    public static final int MAX_SESSIONS = 3;

    private final TpmCore core;
    private final CommandDescriptor d;
    private final List<SessionEntry> entries;
    /** The HMAC/policy session of each entry; null for password sessions. */
    private final Session[] sessions;
    /** The entity each session authorizes; null for sessions used only for encryption or audit. */
    private final Entity[] associated;
    /** The attributes returned in the response (auditExclusive and continueSession may change). */
    private final int[] responseAttributes;
    private int decryptIndex = -1;
    private int encryptIndex = -1;
    private ParameterHashes hashes;

    private SessionProcessor(TpmCore core, CommandDescriptor d, List<SessionEntry> entries, Session[] sessions) {
        this.core = core;
        this.d = d;
        this.entries = entries;
        this.sessions = sessions;
        this.associated = new Entity[entries.size()];
        this.responseAttributes = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            responseAttributes[i] = entries.get(i).attributes();
        }
    }

    /** A command sent with TPM_ST_NO_SESSIONS: TPM_RC_AUTH_MISSING when it needs authorization. */
    public static SessionProcessor none(TpmCore core, CommandDescriptor d) throws TpmException {
        if (d.authHandles() > 0) {
            throw new TpmException(TpmRc.AUTH_MISSING);
        }
        return new SessionProcessor(core, d, List.of(), new Session[0]);
    }

    /**
     * RetrieveSessionData: parses {@code area} (exactly the authorizationSize bytes) for command
     * {@code d} and checks each session's handle and attributes.
     */
    public static SessionProcessor parse(TpmCore core, CommandDescriptor d, TpmReader area) throws TpmException {
        if (d.noSessions()) {
            throw new TpmException(TpmRc.AUTH_CONTEXT);
        }
        List<SessionEntry> list = new ArrayList<>(MAX_SESSIONS);
        Session[] found = new Session[MAX_SESSIONS];
        int decrypt = -1;
        int encrypt = -1;
        int audit = -1;
        for (int i = 0; area.hasRemaining(); i++) {
            int n = i + 1;
            if (i == MAX_SESSIONS) {
                throw TpmException.session(n, TpmRc.SIZE);
            }
            SessionEntry s = readEntry(area, n);
            list.add(s);
            if (s.handle() == TpmHandles.RS_PW) {
                if (s.has(SessionEntry.ENCRYPT) || s.has(SessionEntry.DECRYPT) || s.has(SessionEntry.AUDIT)
                        || s.has(SessionEntry.AUDIT_EXCLUSIVE) || s.has(SessionEntry.AUDIT_RESET)) {
                    throw TpmException.session(n, TpmRc.ATTRIBUTES);
                }
                if (s.nonceCaller().length != 0) {
                    throw TpmException.session(n, TpmRc.NONCE);
                }
                continue;
            }
            Session session = core.sessions().get(s.handle());
            if (session == null) {
                throw new TpmException(TpmRc.REFERENCE_S0 + i);
            }
            if (session.policy != (TpmHandles.type(s.handle()) == TpmHandles.HT_POLICY_SESSION)) {
                throw TpmException.session(n, TpmRc.HANDLE);
            }
            for (int j = 0; j < i; j++) {
                if (list.get(j).handle() == s.handle()) {
                    throw TpmException.session(n, TpmRc.HANDLE);
                }
            }
            found[i] = session;
            if (s.has(SessionEntry.DECRYPT)) {
                if (!d.decrypt() || decrypt >= 0) {
                    throw TpmException.session(n, TpmRc.ATTRIBUTES);
                }
                if (!session.hasSymmetric()) {
                    throw TpmException.session(n, TpmRc.SYMMETRIC);
                }
                decrypt = i;
            }
            if (s.has(SessionEntry.ENCRYPT)) {
                if (!d.encrypt() || encrypt >= 0) {
                    throw TpmException.session(n, TpmRc.ATTRIBUTES);
                }
                if (!session.hasSymmetric()) {
                    throw TpmException.session(n, TpmRc.SYMMETRIC);
                }
                encrypt = i;
            }
            if (s.has(SessionEntry.AUDIT)) {
                if (audit >= 0 || session.policy) {
                    throw TpmException.session(n, TpmRc.ATTRIBUTES);
                }
                // Only a continuing audit session that asks to stay exclusive must still be so.
                if (!s.has(SessionEntry.AUDIT_RESET) && session.audit && s.has(SessionEntry.AUDIT_EXCLUSIVE)
                        && core.sessions().exclusiveAudit() != s.handle()) {
                    throw new TpmException(TpmRc.EXCLUSIVE);
                }
                audit = i;
            }
        }
        if (d.authHandles() > list.size()) {
            throw new TpmException(TpmRc.AUTH_MISSING);
        }
        SessionProcessor p = new SessionProcessor(core, d, list, Arrays.copyOf(found, list.size()));
        p.decryptIndex = decrypt;
        p.encryptIndex = encrypt;
        return p;
    }

    /** One TPMS_AUTH_COMMAND; unmarshalling errors carry the session number. */
    private static SessionEntry readEntry(TpmReader area, int n) throws TpmException {
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
            return new SessionEntry(handle, nonce, attrs, hmac);
        } catch (TpmException e) {
            throw e.atSession(n);
        }
    }

    /** TPMI_SH_AUTH_SESSION: TPM_RS_PW or a session handle within MAX_ACTIVE_SESSIONS. */
    private static boolean isSessionHandle(int h) {
        if (h == TpmHandles.RS_PW) {
            return true;
        }
        int type = TpmHandles.type(h);
        return (type == TpmHandles.HT_HMAC_SESSION || type == TpmHandles.HT_POLICY_SESSION)
                && (h & 0xFFFFFF) < SessionTable.MAX_ACTIVE_SESSIONS;
    }

    public int count() {
        return entries.size();
    }

    public List<SessionEntry> sessions() {
        return entries;
    }

    /**
     * ParseSessionBuffer after the parsing (or CheckAuthNoSession): associates sessions with the
     * command's auth handles, checks each session in order, prepares command audit and returns
     * the parameter bytes to unmarshal, with the first parameter decrypted when a session asks for
     * it. {@code parameters} are the bytes as sent; cpHash covers those.
     */
    public byte[] authorize(Entity[] handles, byte[] parameters) throws TpmException {
        hashes = new ParameterHashes(core, d.code(), handles, parameters);
        for (int i = 0; i < entries.size(); i++) {
            associated[i] = i < d.authHandles() ? handles[i] : null;
        }
        for (int i = 0; i < entries.size(); i++) {
            checkSession(i);
        }
        if (entries.isEmpty() || decryptIndex < 0) {
            return parameters;
        }
        return decrypt(parameters);
    }

    /** The consistency checks and the authorization check of session {@code i}. */
    private void checkSession(int i) throws TpmException {
        SessionEntry entry = entries.get(i);
        Session s = sessions[i];
        int n = i + 1;
        if (s == null) {
            if (associated[i] == null) {
                throw TpmException.session(n, TpmRc.HANDLE);
            }
        } else {
            // A trial session can neither authorize, nor encrypt, nor audit.
            if (s.trial) {
                throw TpmException.session(n, TpmRc.ATTRIBUTES);
            }
            if (s.daBound) {
                DictionaryAttack.checkLockedOut(core, s.lockoutBound);
            }
        }
        try {
            if (associated[i] != null) {
                checkAuthorization(i);
            } else {
                if (!entry.has(SessionEntry.AUDIT) && !entry.has(SessionEntry.ENCRYPT)
                        && !entry.has(SessionEntry.DECRYPT)) {
                    throw new TpmException(TpmRc.ATTRIBUTES);
                }
                s.includeAuth = false;
                checkHmac(i);
            }
        } catch (TpmException e) {
            throw e.atSession(n);
        }
    }

    /**
     * CheckAuthSession: physical presence for platform authorization of PP commands, DA lockout
     * when the authValue is used, policy-only roles (TPM_RC_AUTH_TYPE) and unavailable authValues
     * (TPM_RC_AUTH_UNAVAILABLE) for password and HMAC sessions, the policy for policy sessions,
     * then the password or HMAC itself.
     */
    private void checkAuthorization(int i) throws TpmException {
        Entity e = associated[i];
        Session s = sessions[i];
        AuthRole role = d.handles().get(i).role();
        if (e.handle() == TpmHandles.RH_PLATFORM && core.gp.ppCommands.contains(d.code()) && !core.physicalPresence) {
            throw new TpmException(TpmRc.PP);
        }
        boolean authUsed;
        if (s == null) {
            authUsed = true;
        } else {
            s.includeAuth = s.policy ? s.authValueNeeded || s.passwordNeeded : !s.isBoundTo(e);
            authUsed = s.includeAuth;
        }
        if (authUsed) {
            DictionaryAttack.checkLockedOut(core, e);
        }
        if (s == null || !s.policy) {
            if (e.policyRequired(role)) {
                throw new TpmException(TpmRc.AUTH_TYPE);
            }
            if (!e.authValueAvailable(d.code(), role)) {
                throw new TpmException(TpmRc.AUTH_UNAVAILABLE);
            }
        } else {
            if (!e.authPolicyAvailable(d.code(), role)) {
                throw new TpmException(TpmRc.AUTH_UNAVAILABLE);
            }
            PolicyCheck.check(core, s, e, role, hashes);
        }
        try {
            if (s == null || s.passwordNeeded) {
                checkPassword(i);
            } else {
                checkHmac(i);
            }
        } catch (TpmException failure) {
            if (authUsed) {
                e.authValueChecked(core, false);
            }
            throw failure;
        }
        if (authUsed) {
            e.authValueChecked(core, true);
        }
    }

    /** CheckPWAuthSession: the password equals the authValue, trailing zeros stripped on both sides. */
    private void checkPassword(int i) throws TpmException {
        byte[] given = stripTrailingZeros(entries.get(i).hmac());
        if (!MessageDigest.isEqual(given, stripTrailingZeros(associated[i].authValue()))) {
            throw new TpmException(incrementLockout(i));
        }
    }

    /** CheckSessionHMAC. */
    private void checkHmac(int i) throws TpmException {
        byte[] expected = commandHmac(i);
        if (!MessageDigest.isEqual(expected, entries.get(i).hmac())) {
            throw new TpmException(incrementLockout(i));
        }
    }

    /**
     * IncrementLockout: which failures count against DA. A password failure counts when the
     * entity is DA-protected; an HMAC or policy failure when the session is bound to a
     * DA-protected entity, or when the authValue of a DA-protected entity was in the key. A
     * session bound to lockoutAuth makes the failure one of lockoutAuth.
     */
    private int incrementLockout(int i) {
        Entity e = associated[i];
        Session s = sessions[i];
        if (s == null) {
            return DictionaryAttack.recordFailure(core, e);
        }
        boolean lockout = s.lockoutBound || (e != null && e.handle() == TpmHandles.RH_LOCKOUT);
        boolean exempt = !s.lockoutBound && (e == null || !e.daProtected());
        if (!s.daBound && (exempt || !s.includeAuth)) {
            return TpmRc.BAD_AUTH;
        }
        return DictionaryAttack.registerFailure(core, lockout);
    }

    /** The HMAC key of session {@code i}: sessionKey ‖ authValue when the authValue is included. */
    private byte[] hmacKey(int i) {
        Session s = sessions[i];
        if (!s.includeAuth || associated[i] == null) {
            return s.sessionKey;
        }
        return ParameterEncryption.concat(s.sessionKey, stripTrailingZeros(associated[i].authValue()));
    }

    /**
     * ComputeCommandHMAC: HMAC(key, cpHash ‖ nonceCaller ‖ nonceTPM ‖ [nonceTPM of the decrypt
     * session] ‖ [nonceTPM of the encrypt session] ‖ sessionAttributes). The extra nonces go only
     * into the first session, only when it authorizes a handle, only for other sessions. An empty
     * key and an empty caller HMAC make an empty (matching) HMAC.
     */
    private byte[] commandHmac(int i) {
        Session s = sessions[i];
        SessionEntry entry = entries.get(i);
        byte[] key = hmacKey(i);
        if (key.length == 0 && entry.hmac().length == 0) {
            return new byte[0];
        }
        byte[] nonceDecrypt = null;
        byte[] nonceEncrypt = null;
        if (i == 0 && associated[0] != null) {
            if (decryptIndex >= 0 && decryptIndex != 0) {
                nonceDecrypt = sessions[decryptIndex].nonceTPM;
            }
            if (encryptIndex >= 0 && encryptIndex != 0 && encryptIndex != decryptIndex) {
                nonceEncrypt = sessions[encryptIndex].nonceTPM;
            }
        }
        var h = core.crypto.digests().hmac(s.authHash, key)
                .update(hashes.cpHash(s.authHash))
                .update(entry.nonceCaller())
                .update(s.nonceTPM);
        if (nonceDecrypt != null) {
            h.update(nonceDecrypt);
        }
        if (nonceEncrypt != null) {
            h.update(nonceEncrypt);
        }
        return h.update(new byte[] {(byte) entry.attributes()}).digest();
    }

    /**
     * CryptParameterDecryption of the first parameter (a TPM2B with a 2-byte size), with the
     * bounds checks libtpms got for CVE-2023-1017/1018 (as swtpm 0.7.1 on libtpms 0.9.2 answers):
     * TPM_RC_INSUFFICIENT when there is no room for the size, TPM_RC_SIZE when the size exceeds
     * the bytes after it, both at the decrypt session. The key includes the authValue whenever the
     * session authorizes an entity, even the one it is bound to.
     */
    private byte[] decrypt(byte[] parameters) throws TpmException {
        int n = decryptIndex + 1;
        if (parameters.length < 2) {
            throw TpmException.session(n, TpmRc.INSUFFICIENT);
        }
        byte[] out = parameters.clone();
        int size = ((out[0] & 0xFF) << 8) | (out[1] & 0xFF);
        if (size > out.length - 2) {
            throw TpmException.session(n, TpmRc.SIZE);
        }
        Session s = sessions[decryptIndex];
        ParameterEncryption.decrypt(core, s, extraKey(decryptIndex), entries.get(decryptIndex).nonceCaller(),
                out, 2, size);
        return out;
    }

    private byte[] extraKey(int i) {
        return associated[i] == null ? new byte[0] : stripTrailingZeros(associated[i].authValue());
    }

    /**
     * BuildResponseSession, for a command that succeeded. {@code w} holds the response up to the
     * end of its parameters, which start at {@code paramStart}; when the command was sent with
     * sessions the response authorization area is appended.
     */
    public void respond(TpmWriter w, int paramStart, boolean withSessions) {
        int paramEnd = w.size();
        byte[] buf = w.array();
        if (withSessions) {
            for (Session s : sessions) {
                if (s != null) {
                    s.nonceTPM = core.random(s.nonceTPM.length);
                }
            }
            if (encryptIndex >= 0 && paramEnd - paramStart >= 2) {
                int size = ((buf[paramStart] & 0xFF) << 8) | (buf[paramStart + 1] & 0xFF);
                ParameterEncryption.encrypt(core, sessions[encryptIndex], extraKey(encryptIndex),
                        entries.get(encryptIndex).nonceCaller(), buf, paramStart + 2,
                        Math.min(size, paramEnd - paramStart - 2));
            }
        }
        if (withSessions) {
            // Response HMACs read the parameters after the session area is appended to w, whose
            // array may then be replaced: they get a copy.
            hashes.response(Arrays.copyOfRange(buf, paramStart, paramEnd), 0, paramEnd - paramStart);
        } else {
            // Only command audit reads them, right below; nothing is written to w meanwhile.
            hashes.response(buf, paramStart, paramEnd - paramStart);
        }
        updateAuditSessions();
        CommandAudit.afterCommand(core, d.code(), hashes);
        if (!withSessions) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            SessionEntry entry = entries.get(i);
            Session s = sessions[i];
            if (s == null) {
                // The reference sets continueSession on every password session's reply.
                w.u16(0).u8(responseAttributes[i] | SessionEntry.CONTINUE_SESSION).u16(0);
                continue;
            }
            byte[] hmac = s.policy && s.passwordNeeded ? new byte[0] : responseHmac(i);
            boolean continueSession = entry.has(SessionEntry.CONTINUE_SESSION);
            if (s.policy && continueSession) {
                // A new nonceTPM starts a new policy (UpdateInternalSession).
                s.resetPolicy();
                s.setStartTime(core.clock.time(), core.ga.timeEpoch);
            }
            w.tpm2b(s.nonceTPM).u8(responseAttributes[i]).tpm2b(hmac);
            if (!continueSession) {
                core.sessions().flush(entry.handle());
            }
        }
    }

    /** ComputeResponseHMAC: HMAC(key, rpHash ‖ nonceTPM ‖ nonceCaller ‖ sessionAttributes). */
    private byte[] responseHmac(int i) {
        Session s = sessions[i];
        SessionEntry entry = entries.get(i);
        byte[] key = hmacKey(i);
        if (key.length == 0 && entry.hmac().length == 0) {
            return new byte[0];
        }
        return core.crypto.digests().hmac(s.authHash, key)
                .update(hashes.rpHash(s.authHash))
                .update(s.nonceTPM)
                .update(entry.nonceCaller())
                .update(new byte[] {(byte) responseAttributes[i]})
                .digest();
    }

    /**
     * UpdateAuditSessionStatus: the audit session's digest is extended with cpHash ‖ rpHash; its
     * first use (or auditReset) starts it and makes it the exclusive audit session, which it stays
     * until a command runs without it. The response reports exclusivity in auditExclusive.
     */
    private void updateAuditSessions() {
        int auditHandle = TpmHandles.RH_UNASSIGNED;
        SessionTable table = core.sessions();
        for (int i = 0; i < entries.size(); i++) {
            SessionEntry entry = entries.get(i);
            Session s = sessions[i];
            if (s == null || !entry.has(SessionEntry.AUDIT)) {
                continue;
            }
            auditHandle = entry.handle();
            if (!s.audit || entry.has(SessionEntry.AUDIT_RESET)) {
                s.startAudit();
                table.setExclusiveAudit(auditHandle);
            } else if (table.exclusiveAudit() != auditHandle) {
                table.setExclusiveAudit(TpmHandles.RH_UNASSIGNED);
            }
            if (table.exclusiveAudit() == auditHandle) {
                responseAttributes[i] |= SessionEntry.AUDIT_EXCLUSIVE;
            } else {
                responseAttributes[i] &= ~SessionEntry.AUDIT_EXCLUSIVE;
            }
            s.u2 = core.crypto.hasher(s.authHash).update(s.u2).update(hashes.cpHash(s.authHash))
                    .update(hashes.rpHash(s.authHash)).digest();
        }
        if (auditHandle == TpmHandles.RH_UNASSIGNED && !d.noSessions()) {
            table.setExclusiveAudit(TpmHandles.RH_UNASSIGNED);
        }
    }

    /**
     * SessionRemoveAssociationToHandle: the entity at {@code handle} was deleted by the command
     * (TPM2_NV_UndefineSpaceSpecial); its sessions' response HMACs use TPM_RH_NULL's empty auth.
     */
    public void entityDeleted(int handle) {
        for (int i = 0; i < associated.length; i++) {
            if (associated[i] != null && associated[i].handle() == handle) {
                associated[i] = PermanentEntity.of(core, TpmHandles.RH_NULL);
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
