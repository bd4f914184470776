package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicyCounterTimer (Part 3 §23.10): a condition on the TPMS_TIME_INFO (Time, Clock,
 * resetCount, restartCount, safe): operandB compared with the bytes at offset.
 * policyDigest := H(policyDigest ‖ TPM_CC_PolicyCounterTimer ‖ H(operandB ‖ offset ‖ operation)).
 * TPM_RC_VALUE (parameter 2) for an offset beyond the structure; TPM_RC_RANGE when operandB
 * reaches past it (both checked for trial sessions too); TPM_RC_POLICY when the condition fails.
 */
public final class PolicyCounterTimer extends Command<PolicyCounterTimer.In, Void> {
    public record In(int policySession, byte[] operandB, int offset, int operation) {}

    /** Size of a marshalled TPMS_TIME_INFO. */
    private static final int TIME_INFO_SIZE = 25;

    public PolicyCounterTimer() {
        super(CommandDescriptor.builder(TpmCc.POLICY_COUNTER_TIMER)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] operandB = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        int offset = r.param(2).u16();
        return new In(handles[0], operandB, offset, Comparison.read(r.param(3)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        byte[] info = new TpmWriter(TIME_INFO_SIZE).u64(core.clock.time()).u64(core.go.clock)
                .u32((int) core.gp.resetCount).u32((int) core.gr.restartCount).u8(core.go.clockSafe ? 1 : 0)
                .toByteArray();
        if (in.offset() > info.length) {
            throw TpmException.parameter(2, TpmRc.VALUE);
        }
        if (in.offset() + in.operandB().length > info.length) {
            throw new TpmException(TpmRc.RANGE);
        }
        Session s = core.sessions().get(in.policySession());
        if (!s.trial && !Comparison.holds(in.operation(), info, in.offset(), in.operandB())) {
            throw new TpmException(TpmRc.POLICY);
        }
        byte[] args = core.crypto.hasher(s.authHash).update(in.operandB()).updateU16(in.offset())
                .updateU16(in.operation()).digest();
        s.extendPolicy(core.crypto.hasher(s.authHash), TpmCc.POLICY_COUNTER_TIMER, args);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
