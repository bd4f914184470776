package dev.jvtpm.engine.command.capability;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_TestParms (Part 3 §30.3): succeeds when the TPMT_PUBLIC_PARMS would unmarshal, i.e. this
 * TPM supports the object type and its parameters. Everything is checked during unmarshalling,
 * all at parameter 1: TPM_RC_TYPE for an object type this TPM does not implement (RSA and ECC
 * today), TPM_RC_VALUE for an unknown keyed-hash scheme or an unsupported key size, TPM_RC_KDF
 * for a bad XOR KDF,
 * TPM_RC_HASH for a bad scheme hash, TPM_RC_SYMMETRIC for an unimplemented or NULL symmetric
 * algorithm, TPM_RC_MODE for an unimplemented mode (anything but CFB and NULL). The algorithm
 * checks follow {@link Algorithms}, so TestParms agrees with TPM_CAP_ALGS.
 */
public final class TestParms extends Command<SupportedParms, Void> {
    public TestParms() {
        super(CommandDescriptor.builder(TpmCc.TEST_PARMS).build());
    }

    @Override
    public SupportedParms decode(int[] handles, TpmReader r) throws TpmException {
        return SupportedParms.read(r.param(1));
    }

    @Override
    public Void execute(CommandContext ctx, SupportedParms in) {
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
