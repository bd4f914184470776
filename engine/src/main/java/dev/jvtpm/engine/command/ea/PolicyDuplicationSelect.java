package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicyDuplicationSelect (Part 3 §23.15): limits TPM2_Duplicate to an object and a new
 * parent. nameHash := H(objectName ‖ newParentName); policyDigest := H(policyDigest ‖
 * TPM_CC_PolicyDuplicationSelect ‖ [objectName] ‖ newParentName ‖ includeObject); the command code
 * becomes TPM2_Duplicate. TPM_RC_CPHASH when a cpHash or nameHash is set; TPM_RC_COMMAND_CODE when
 * a command code is set.
 */
public final class PolicyDuplicationSelect extends Command<PolicyDuplicationSelect.In, Void> {
    public record In(int policySession, byte[] objectName, byte[] newParentName, boolean includeObject) {}

    /** sizeof(TPMU_NAME). */
    static final int MAX_NAME = 66;

    public PolicyDuplicationSelect() {
        super(CommandDescriptor.builder(TpmCc.POLICY_DUPLICATION_SELECT)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] object = r.param(1).tpm2b(MAX_NAME);
        byte[] parent = r.param(2).tpm2b(MAX_NAME);
        int include = r.param(3).u8();
        if (include > 1) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(handles[0], object, parent, include == 1);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        Session s = ctx.core().sessions().get(in.policySession());
        if (s.u1.length != 0) {
            throw new TpmException(TpmRc.CPHASH);
        }
        if (s.commandCode != 0) {
            throw new TpmException(TpmRc.COMMAND_CODE);
        }
        s.u1 = ctx.core().crypto.hash(s.authHash, in.objectName(), in.newParentName());
        Hasher h = ctx.core().crypto.hasher(s.authHash).update(s.u2).updateU32(TpmCc.POLICY_DUPLICATION_SELECT);
        if (in.includeObject()) {
            h.update(in.objectName());
        }
        s.u2 = h.update(in.newParentName()).update(new byte[] {(byte) (in.includeObject() ? 1 : 0)}).digest();
        s.commandCode = TpmCc.DUPLICATE;
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
