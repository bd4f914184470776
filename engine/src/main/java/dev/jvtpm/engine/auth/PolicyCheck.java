package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * CheckPolicyAuthSession (Part 1 §19.7.4): whether a policy session satisfies the policy of the
 * entity it authorizes, with the reference's checks in its order and its codes. The caller adds
 * the session number to format-one codes.
 */
final class PolicyCheck {
    private PolicyCheck() {}

    static void check(TpmCore core, Session s, Entity e, AuthRole role, ParameterHashes hashes)
            throws TpmException {
        int code = hashes.commandCode();
        if (code == TpmCc.POLICY_SECRET && !s.passwordNeeded && !s.authValueNeeded) {
            throw new TpmException(TpmRc.MODE);
        }
        if (s.pcrCounter != 0 && s.pcrCounter != core.gr.pcrCounter) {
            throw new TpmException(TpmRc.PCR_CHANGED);
        }
        HierarchyPolicy policy = e.authPolicy();
        if (!MessageDigest.isEqual(s.policyDigest(), policy.digest()) || policy.hashAlg() != s.authHash.id()) {
            throw new TpmException(TpmRc.POLICY_FAIL);
        }
        if (s.timeout != 0 && (s.timeout < core.clock.time() || s.epoch != core.ga.timeEpoch)) {
            throw new TpmException(TpmRc.EXPIRED);
        }
        if (s.commandCode != 0) {
            if (s.commandCode != code) {
                throw new TpmException(TpmRc.POLICY_CC);
            }
        } else if (role == AuthRole.ADMIN || role == AuthRole.DUP) {
            throw new TpmException(TpmRc.POLICY_FAIL);
        }
        checkLocality(s.commandLocality, core.locality);
        if (s.ppRequired && !core.physicalPresence) {
            throw new TpmException(TpmRc.PP);
        }
        if (s.u1.length != 0) {
            boolean ok;
            if (s.cpHashDefined) {
                ok = MessageDigest.isEqual(s.u1, hashes.cpHash(s.authHash));
            } else if (s.templateSet) {
                ok = templateMatches(core, s, hashes);
            } else {
                // Only the digest-size prefix of nameHash is compared (CompareNameHash).
                byte[] nameHash = hashes.nameHash(s.authHash);
                ok = s.u1.length >= nameHash.length
                        && MessageDigest.isEqual(Arrays.copyOf(s.u1, nameHash.length), nameHash);
            }
            if (!ok) {
                throw new TpmException(TpmRc.POLICY_FAIL);
            }
        }
        if (s.checkNvWritten) {
            Optional<Boolean> written = e.nvWritten();
            if (written.isEmpty() || written.get() != s.nvWrittenState) {
                throw new TpmException(TpmRc.POLICY_FAIL);
            }
        }
    }

    /** TPMA_LOCALITY: bits 0-4 for localities 0-4, or an extended locality 32-255 as a value. */
    private static void checkLocality(int sessionLocality, int locality) throws TpmException {
        if (sessionLocality == 0) {
            return;
        }
        if (locality < 5) {
            if ((sessionLocality & (1 << locality)) == 0 || sessionLocality > 31) {
                throw new TpmException(TpmRc.LOCALITY);
            }
        } else if (locality > 31) {
            if (sessionLocality != locality) {
                throw new TpmException(TpmRc.LOCALITY);
            }
        } else {
            throw new TpmException(TpmRc.LOCALITY);
        }
    }

    /**
     * CompareTemplateHash: for TPM2_Create, CreatePrimary and CreateLoaded, the hash of the second
     * parameter (the template, a TPM2B after the TPM2B inSensitive) as sent.
     */
    private static boolean templateMatches(TpmCore core, Session s, ParameterHashes hashes) {
        int code = hashes.commandCode();
        if (code != TpmCc.CREATE && code != TpmCc.CREATE_PRIMARY && code != TpmCc.CREATE_LOADED) {
            return false;
        }
        byte[] p = hashes.parameters();
        if (p.length < 2) {
            return false;
        }
        int at = 2 + (((p[0] & 0xFF) << 8) | (p[1] & 0xFF));
        if (at + 2 > p.length) {
            return false;
        }
        int size = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
        at += 2;
        if (size > p.length - at) {
            return false;
        }
        byte[] hash = core.crypto.hasher(s.authHash).update(p, at, size).digest();
        return MessageDigest.isEqual(s.u1, hash);
    }
}
