package dev.jvtpm.engine.command.capability;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.AlgSelectors;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_TestParms (Part 3 §30.3): succeeds when the TPMT_PUBLIC_PARMS unmarshals, i.e. this TPM
 * supports the object type and its parameters. It is read by the same code as the parameters of
 * every public area (TPMI_ALG_PUBLIC then TPMU_PUBLIC_PARMS), whose selectors accept exactly the
 * algorithms {@link Algorithms} lists, so TestParms and TPM_CAP_ALGS never disagree. All codes at
 * parameter 1: TPM_RC_TYPE (object type), TPM_RC_SYMMETRIC (cipher, or none for a SYMCIPHER),
 * TPM_RC_VALUE (key size; keyed-hash, RSA and RSA decrypt schemes), TPM_RC_MODE, TPM_RC_SCHEME
 * (signing/ECC schemes), TPM_RC_HASH, TPM_RC_KDF, TPM_RC_CURVE, TPM_RC_INSUFFICIENT.
 */
public final class TestParms extends Command<PublicParms, Void> {
    public TestParms() {
        super(CommandDescriptor.builder(TpmCc.TEST_PARMS).build());
    }

    @Override
    public PublicParms decode(int[] handles, TpmReader r) throws TpmException {
        TpmReader p = r.param(1);
        int type = AlgSelectors.publicType(p);
        return PublicParms.read(p, type);
    }

    @Override
    public Void execute(CommandContext ctx, PublicParms in) {
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
