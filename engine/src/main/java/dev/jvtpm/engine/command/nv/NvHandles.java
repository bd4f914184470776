package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.auth.NvIndexEntity;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/** How NV commands reach the index in their handle area, and turn access-check codes into errors. */
final class NvHandles {
    private NvHandles() {}

    /** The index named by handle {@code i}; the dispatcher resolved it (TPM_RC_HANDLE otherwise). */
    static NvIndex index(CommandContext ctx, int i) {
        return ((NvIndexEntity) ctx.entity(i)).index();
    }

    /** Fails with an NvReadAccessChecks/NvWriteAccessChecks code other than TPM_RC_SUCCESS. */
    static void require(int rc) throws TpmException {
        if (rc != TpmRc.SUCCESS) {
            throw new TpmException(rc);
        }
    }
}
