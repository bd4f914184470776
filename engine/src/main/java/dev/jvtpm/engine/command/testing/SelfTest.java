package dev.jvtpm.engine.command.testing;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.YesNo;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_SelfTest (Part 3 §10.2): runs the known-answer tests of every algorithm still untested
 * since _TPM_Init, or of every implemented algorithm when fullTest is YES, before returning (this
 * TPM never tests in the background, so it never answers TPM_RC_TESTING). TPM_RC_VALUE
 * (parameter 1) when fullTest is not a TPMI_YES_NO. A failing test puts the TPM in failure mode
 * and this command answers TPM_RC_FAILURE.
 */
public final class SelfTest extends Command<SelfTest.In, Void> {
    public record In(boolean fullTest) {}

    public SelfTest() {
        super(CommandDescriptor.builder(TpmCc.SELF_TEST).nv().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(YesNo.read(r.param(1)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) {
        ctx.core().selfTest.selfTest(in.fullTest());
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
