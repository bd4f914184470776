package dev.jvtpm.engine.command.testing;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_GetTestResult (Part 3 §10.4). Outside failure mode self-tests never leave a failure behind
 * (a failing test enters failure mode at once), so the answer is an empty outData and
 * testResult TPM_RC_SUCCESS, as libtpms gives even while algorithms remain untested. In failure
 * mode the dispatcher answers instead, with the failure data (see {@code FailureMode}).
 * Returns no error codes of its own.
 */
public final class GetTestResult extends Command<Void, GetTestResult.Out> {
    public record Out(byte[] outData, int testResult) {}

    public GetTestResult() {
        super(CommandDescriptor.builder(TpmCc.GET_TEST_RESULT).encrypt().build());
    }

    @Override
    public Void decode(int[] handles, TpmReader r) {
        return null;
    }

    @Override
    public Out execute(CommandContext ctx, Void in) {
        return new Out(new byte[0], TpmRc.SUCCESS);
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.outData()).u32(out.testResult());
    }
}
