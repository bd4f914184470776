package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * One HMAC, policy or trial session (the reference's SESSION, Part 1 §19): what
 * TPM2_StartAuthSession fixed (type, authHash, symmetric, sessionKey, binding) and what changes as
 * it is used (nonceTPM, audit digest, policy state).
 *
 * <p>Like the reference, the HMAC session's bind value and the policy session's cpHash/nameHash/
 * templateHash share one field ({@link #u1}), and the audit digest and the policyDigest share
 * another ({@link #u2}): starting an audit on a bound session unbinds it.
 */
public final class Session {
    /** TPM_SE (Part 2 §6.11). */
    public static final int SE_HMAC = 0x00;
    public static final int SE_POLICY = 0x01;
    public static final int SE_TRIAL = 0x03;

    public final HashAlg authHash;
    /** TPM_ALG_AES, TPM_ALG_XOR or TPM_ALG_NULL. */
    public final int symAlg;
    /** AES key bits, or for XOR the TPM_ALG_ID of its hash. */
    public final int symKeyBits;
    public final byte[] sessionKey;
    public final boolean policy;
    public final boolean trial;

    public byte[] nonceTPM;

    // HMAC-session attributes
    public boolean bound;
    public boolean daBound;
    public boolean lockoutBound;
    /** Per command: the authorized entity's authValue goes into the HMAC key (and DA applies). */
    public boolean includeAuth;
    public boolean audit;

    // Policy-session state (SessionResetPolicyData clears these)
    public int commandCode;
    /** TPMA_LOCALITY of PolicyLocality; 0 when unset. */
    public int commandLocality;
    public int pcrCounter;
    public long startTime;
    public long epoch;
    public long timeout;
    public boolean ppRequired;
    public boolean authValueNeeded;
    public boolean passwordNeeded;
    public boolean cpHashDefined;
    public boolean templateSet;
    public boolean checkNvWritten;
    public boolean nvWrittenState;

    /** boundEntity (HMAC) or cpHash / nameHash / templateHash (policy); empty when unset. */
    public byte[] u1 = new byte[0];
    /** auditDigest (HMAC) or policyDigest (policy). */
    public byte[] u2 = new byte[0];

    public Session(HashAlg authHash, int symAlg, int symKeyBits, byte[] sessionKey, boolean policy, boolean trial,
                   byte[] nonceTPM) {
        this.authHash = authHash;
        this.symAlg = symAlg;
        this.symKeyBits = symKeyBits;
        this.sessionKey = sessionKey;
        this.policy = policy;
        this.trial = trial;
        this.nonceTPM = nonceTPM;
        if (policy) {
            u2 = new byte[authHash.digestSize()];
        }
    }

    public byte[] policyDigest() {
        return u2;
    }

    public byte[] auditDigest() {
        return u2;
    }

    public boolean hasSymmetric() {
        return symAlg != TpmAlgId.NULL;
    }

    /** Binds an HMAC session to {@code e}: its Name and current authValue (SessionComputeBoundEntity). */
    public void bind(Entity e) {
        bound = true;
        u1 = BoundEntity.of(e);
    }

    /** IsSessionBindEntity: bound, and to {@code e} with the authValue it had then. */
    public boolean isBoundTo(Entity e) {
        return bound && java.security.MessageDigest.isEqual(u1, BoundEntity.of(e));
    }

    /** SessionResetPolicyData: a fresh policy, keeping nonce, start time, trial and DA binding. */
    public void resetPolicy() {
        commandCode = 0;
        commandLocality = 0;
        u1 = new byte[0];
        timeout = 0;
        pcrCounter = 0;
        u2 = new byte[authHash.digestSize()];
        includeAuth = false;
        bound = false;
        audit = false;
        ppRequired = false;
        authValueNeeded = false;
        passwordNeeded = false;
        cpHashDefined = false;
        templateSet = false;
        checkNvWritten = false;
        nvWrittenState = false;
    }

    /** SessionSetStartTime. */
    public void setStartTime(long time, long epoch) {
        this.startTime = time;
        this.epoch = epoch;
        this.timeout = 0;
    }

    /** policyDigest := H(policyDigest ‖ commandCode ‖ parts...) (the common policy update). */
    public void extendPolicy(Hasher h, int commandCode, byte[]... parts) {
        h.update(u2).updateU32(commandCode);
        for (byte[] p : parts) {
            h.update(p);
        }
        u2 = h.digest();
    }

    /** InitAuditSession: the audit digest starts as zeros of the session hash; audit unbinds. */
    public void startAudit() {
        audit = true;
        bound = false;
        u2 = new byte[authHash.digestSize()];
    }

    // ---- codec (context blobs and the volatile state) ----

    private static final int VERSION = 1;

    public void save(TpmWriter w) {
        w.u16(VERSION).u16(authHash.id()).u16(symAlg).u16(symKeyBits).tpm2b(sessionKey);
        int flags = bit(policy, 0) | bit(trial, 1) | bit(bound, 2) | bit(daBound, 3) | bit(lockoutBound, 4)
                | bit(includeAuth, 5) | bit(audit, 6) | bit(ppRequired, 7) | bit(authValueNeeded, 8)
                | bit(passwordNeeded, 9) | bit(cpHashDefined, 10) | bit(templateSet, 11)
                | bit(checkNvWritten, 12) | bit(nvWrittenState, 13);
        w.u32(flags);
        w.tpm2b(nonceTPM).u32(commandCode).u8(commandLocality).u32(pcrCounter)
                .u64(startTime).u64(epoch).u64(timeout);
        w.u16(u1.length).bytes(u1);
        w.tpm2b(u2);
    }

    public static Session load(TpmReader r) throws TpmException {
        if (r.u16() != VERSION) {
            throw new TpmException(TpmRc.VALUE, "session state version");
        }
        HashAlg alg = HashAlg.fromId(r.u16());
        if (alg == null) {
            throw new TpmException(TpmRc.HASH, "session hash");
        }
        int symAlg = r.u16();
        int symKeyBits = r.u16();
        byte[] key = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        int f = r.u32();
        Session s = new Session(alg, symAlg, symKeyBits, key, has(f, 0), has(f, 1), new byte[0]);
        s.bound = has(f, 2);
        s.daBound = has(f, 3);
        s.lockoutBound = has(f, 4);
        s.includeAuth = has(f, 5);
        s.audit = has(f, 6);
        s.ppRequired = has(f, 7);
        s.authValueNeeded = has(f, 8);
        s.passwordNeeded = has(f, 9);
        s.cpHashDefined = has(f, 10);
        s.templateSet = has(f, 11);
        s.checkNvWritten = has(f, 12);
        s.nvWrittenState = has(f, 13);
        s.nonceTPM = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        s.commandCode = r.u32();
        s.commandLocality = r.u8();
        s.pcrCounter = r.u32();
        s.startTime = r.u64();
        s.epoch = r.u64();
        s.timeout = r.u64();
        s.u1 = r.tpm2b(BoundEntity.SIZE);
        s.u2 = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        return s;
    }

    private static int bit(boolean b, int n) {
        return b ? 1 << n : 0;
    }

    private static boolean has(int flags, int n) {
        return (flags & (1 << n)) != 0;
    }

    @Override
    public String toString() {
        return (trial ? "trial" : policy ? "policy" : "hmac") + " session " + authHash
                + (bound ? " bound" : "") + (audit ? " audit" : "");
    }
}
