package dev.jvtpm.engine.ticket;

import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMT_TK_HASHCHECK (Part 2 §10.7.6): proof that the TPM computed a digest over data that did not
 * start with TPM_GENERATED_VALUE, so a restricted signing key may sign it. The NULL ticket has
 * hierarchy TPM_RH_NULL and an empty digest.
 */
public record HashCheckTicket(int hierarchy, byte[] digest) {
    public static final HashCheckTicket NULL = new HashCheckTicket(TpmHandles.RH_NULL, new byte[0]);

    public void write(TpmWriter w) {
        w.u16(TpmSt.HASHCHECK).u32(hierarchy).tpm2b(digest);
    }
}
