package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.security.MessageDigest;

/**
 * The policy support routines of the reference (Policy_spt.c) the TPM2_Policy* commands share:
 * the checks of nonceTPM, expiration and cpHashA, the computation of an authorization timeout,
 * and the policyDigest update with an entity Name and a policyRef.
 */
final class PolicyUpdate {
    /** The MSB of a policy timeout marks "expires on TPM Reset" in the timeout buffer (EXPIRATION_BIT). */
    static final long EXPIRATION_BIT = 1L << 63;

    private PolicyUpdate() {}

    /**
     * ComputeAuthTimeout: 0 without expiration; otherwise |expiration| seconds after the start of
     * the policy when a nonce was given, else as an absolute Time in seconds (plus the current
     * milliseconds, so it does not expire early).
     */
    static long authTimeout(TpmCore core, Session s, int expiration, byte[] nonce) {
        if (expiration == 0) {
            return 0;
        }
        long seconds = expiration == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs((long) expiration);
        if (nonce.length == 0) {
            return seconds * 1000 + core.clock.time() % 1000;
        }
        return s.startTime + seconds * 1000;
    }

    /**
     * PolicyParameterChecks: a given nonce must be the session's nonceTPM (TPM_RC_NONCE), a timeout
     * must lie ahead in this epoch (TPM_RC_EXPIRED), a given cpHashA must have the digest size
     * (TPM_RC_SIZE) and agree with one already set (TPM_RC_CPHASH). Positions are the parameter
     * numbers given, 0 for none.
     */
    static void parameterChecks(TpmCore core, Session s, long authTimeout, byte[] cpHashA, byte[] nonce,
                                int nonceParam, int cpHashParam, int expirationParam) throws TpmException {
        if (nonce != null && nonce.length != 0 && !MessageDigest.isEqual(nonce, s.nonceTPM)) {
            throw at(TpmRc.NONCE, nonceParam);
        }
        if (authTimeout != 0 && (Long.compareUnsigned(authTimeout, core.clock.time()) < 0
                || s.epoch != core.ga.timeEpoch)) {
            throw at(TpmRc.EXPIRED, expirationParam);
        }
        if (cpHashA != null && cpHashA.length != 0) {
            if (cpHashA.length != s.policyDigest().length) {
                throw at(TpmRc.SIZE, cpHashParam);
            }
            if (s.u1.length != 0 && !MessageDigest.isEqual(cpHashA, s.u1)) {
                throw new TpmException(TpmRc.CPHASH);
            }
        }
    }

    private static TpmException at(int rc, int param) {
        return param == 0 ? new TpmException(rc) : TpmException.parameter(param, rc);
    }

    /**
     * PolicyContextUpdate: policyDigest := H(policyDigest ‖ commandCode ‖ name), then
     * H(policyDigest ‖ ref) when a reference is given (even an empty one); records a cpHash and
     * keeps the earliest timeout.
     */
    static void contextUpdate(TpmCore core, Session s, int commandCode, byte[] name, byte[] ref, byte[] cpHash,
                              long timeout) {
        Hasher h = core.crypto.hasher(s.authHash);
        if (name == null) {
            s.extendPolicy(h, commandCode);
        } else {
            s.extendPolicy(h, commandCode, name);
        }
        if (ref != null) {
            s.u2 = core.crypto.hasher(s.authHash).update(s.u2).update(ref).digest();
        }
        if (cpHash != null && cpHash.length != 0) {
            s.u1 = cpHash.clone();
            s.cpHashDefined = true;
        }
        if (timeout != 0 && (s.timeout == 0 || Long.compareUnsigned(s.timeout, timeout) > 0)) {
            s.timeout = timeout;
        }
    }

    /** PolicyDigestClear: the policyDigest back to zeros (TPM2_PolicyAuthorize, PolicyAuthorizeNV). */
    static void clearDigest(Session s) {
        s.u2 = new byte[s.authHash.digestSize()];
    }
}
