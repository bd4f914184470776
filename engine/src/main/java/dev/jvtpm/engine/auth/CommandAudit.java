package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;

/**
 * Command audit (Part 1 §17.3): each successful audited command extends the command audit digest
 * in {@code gr} with cpHash ‖ rpHash under the audit hash. An empty digest starts again from zeros
 * and counts in the persistent audit counter; a one-byte digest marks a just-changed audit hash
 * (TPM2_SetCommandCodeAuditStatus) and ends that command's audit without extending.
 */
public final class CommandAudit {
    private CommandAudit() {}

    /** CommandAudit, run by BuildResponseSession for every successful command. */
    static void afterCommand(TpmCore core, int commandCode, ParameterHashes hashes) {
        if (!core.gp.auditCommands.contains(commandCode)) {
            return;
        }
        byte[] digest = core.gr.commandAuditDigest;
        if (digest.length == 1) {
            core.gr.commandAuditDigest = new byte[0];
            return;
        }
        HashAlg alg = core.ga.auditHashAlg;
        if (digest.length == 0) {
            digest = new byte[alg.digestSize()];
            core.ga.auditCounter++;
            core.markPersistentDirty();
        }
        core.gr.commandAuditDigest = core.crypto.hasher(alg).update(digest)
                .update(hashes.cpHash(alg)).update(hashes.rpHash(alg)).digest();
    }

    /** CommandAuditGetDigest: H(audited command codes, ascending) under the audit hash. */
    public static byte[] commandDigest(TpmCore core) {
        Hasher h = core.crypto.hasher(core.ga.auditHashAlg);
        for (int code : core.gp.auditCommands) {
            h.updateU32(code);
        }
        return h.digest();
    }

    /** The command list a fresh TPM audits: TPM2_SetCommandCodeAuditStatus always is. */
    public static final int ALWAYS_AUDITED = TpmCc.SET_COMMAND_CODE_AUDIT_STATUS;
}
