package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.nv.NvHandles;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvAccess;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicyNV (Part 3 §23.9): a condition on the contents of an NV index, read with the index's
 * read authorization (authHandle, checked by its session like NV_Read's): operandB compared with
 * the bytes at offset. policyDigest := H(policyDigest ‖ TPM_CC_PolicyNV ‖ H(operandB ‖ offset ‖
 * operation) ‖ nvIndex Name). Trial sessions skip every check. TPM_RC_NV_LOCKED,
 * TPM_RC_NV_AUTHORIZATION or TPM_RC_NV_UNINITIALIZED from the read access checks; TPM_RC_VALUE
 * (parameter 2) for an offset past the end; TPM_RC_SIZE (parameter 1) for an operandB that runs
 * past it; TPM_RC_POLICY when the condition fails.
 */
public final class PolicyNv extends Command<PolicyNv.In, Void> {
    public record In(int authHandle, int nvIndex, int policySession, byte[] operandB, int offset, int operation) {}

    public PolicyNv() {
        super(CommandDescriptor.builder(TpmCc.POLICY_NV)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] operandB = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        int offset = r.param(2).u16();
        return new In(handles[0], handles[1], handles[2], operandB, offset, Comparison.read(r.param(3)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session s = core.sessions().get(in.policySession());
        if (!s.trial) {
            NvIndex idx = NvHandles.index(ctx, 1);
            NvHandles.require(NvAccess.read(in.authHandle(), idx));
            if (in.offset() > idx.dataSize()) {
                throw TpmException.parameter(2, TpmRc.VALUE);
            }
            if (idx.dataSize() - in.offset() < in.operandB().length) {
                throw TpmException.parameter(1, TpmRc.SIZE);
            }
            byte[] data = idx.read(in.offset(), in.operandB().length);
            if (!Comparison.holds(in.operation(), data, 0, in.operandB())) {
                throw new TpmException(TpmRc.POLICY);
            }
        }
        byte[] args = core.crypto.hasher(s.authHash).update(in.operandB()).updateU16(in.offset())
                .updateU16(in.operation()).digest();
        s.extendPolicy(core.crypto.hasher(s.authHash), TpmCc.POLICY_NV, args, ctx.entity(1).name());
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
