package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.auth.NvIndexEntity;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * How commands on an NV index (NV commands, PolicyNV, PolicyAuthorizeNV, NV_Certify) reach the
 * index in their handle area, and turn access-check codes into errors.
 */
public final class NvHandles {
    private NvHandles() {}

    /** The index named by handle {@code i}; the dispatcher resolved it (TPM_RC_HANDLE otherwise). */
    public static NvIndex index(CommandContext ctx, int i) {
        return ((NvIndexEntity) ctx.entity(i)).index();
    }

    /** Fails with an NvReadAccessChecks/NvWriteAccessChecks code other than TPM_RC_SUCCESS. */
    public static void require(int rc) throws TpmException {
        if (rc != TpmRc.SUCCESS) {
            throw new TpmException(rc);
        }
    }
}
