package dev.jvtpm.engine.command.audit;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.auth.CommandAudit;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.AlgSelectors;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_SetCommandCodeAuditStatus (Part 3 §21.2): changes the command audit hash, or adds and
 * removes commands from the audit list. Only implemented commands are added, TPM2_Shutdown never
 * is and TPM2_SetCommandCodeAuditStatus is never removed; unknown codes are ignored. A new hash
 * makes the audit digest start again (after this command, which is not extended).
 * TPM_RC_VALUE (parameter 1) when the hash changes and a list is not empty; TPM_RC_HASH
 * (parameter 1) for an unimplemented hash; TPM_RC_SIZE (parameter 2 or 3) for a list longer than
 * MAX_CAP_CC.
 */
public final class SetCommandCodeAuditStatus extends Command<SetCommandCodeAuditStatus.In, Void> {
    public record In(int auditAlg, int[] setList, int[] clearList) {}

    /** MAX_CAP_CC: what fits in a TPMS_CAPABILITY_DATA (254 command codes). */
    static final int MAX_CAP_CC = 254;

    public SetCommandCodeAuditStatus() {
        super(CommandDescriptor.builder(TpmCc.SET_COMMAND_CODE_AUDIT_STATUS)
                .handle("auth", HandleTypes.PROVISION, AuthRole.USER)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int alg = AlgSelectors.hash(r.param(1), true);
        return new In(alg, readList(r.param(2)), readList(r.param(3)));
    }

    /** TPML_CC: TPM_RC_SIZE for more than MAX_CAP_CC codes. */
    private static int[] readList(TpmReader r) throws TpmException {
        int count = r.u32();
        if (Integer.compareUnsigned(count, MAX_CAP_CC) > 0) {
            throw r.fail(TpmRc.SIZE);
        }
        int[] codes = new int[count];
        for (int i = 0; i < count; i++) {
            codes[i] = r.u32();
        }
        return codes;
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        HashAlg alg = HashAlg.fromId(in.auditAlg());
        if (alg != null && alg != core.ga.auditHashAlg) {
            if (in.setList().length != 0 || in.clearList().length != 0) {
                throw TpmException.parameter(1, TpmRc.VALUE);
            }
            core.ga.auditHashAlg = alg;
            // The one-byte marker: the audit of this command ends the old digest.
            core.gr.commandAuditDigest = new byte[1];
            core.markPersistentDirty();
            return null;
        }
        boolean changed = false;
        for (int cc : in.setList()) {
            if (Tpm.commandTable().get(cc) != null && cc != TpmCc.SHUTDOWN) {
                changed |= core.gp.auditCommands.add(cc);
            }
        }
        for (int cc : in.clearList()) {
            if (Tpm.commandTable().get(cc) != null && cc != CommandAudit.ALWAYS_AUDITED) {
                changed |= core.gp.auditCommands.remove(cc);
            }
        }
        if (changed) {
            core.markPersistentDirty();
        }
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
