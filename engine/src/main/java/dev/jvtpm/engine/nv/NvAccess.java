package dev.jvtpm.engine.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;

import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * Who may read and write an index once authorization has succeeded (NV_spt.c), and which
 * commands count as NV reads or writes for authorization (IsWriteOperation/IsReadOperation).
 * The checks answer a response code, TPM_RC_SUCCESS (0) when access is allowed, because some
 * commands turn particular failures into success (NV_WriteLock, NV_ReadLock).
 */
public final class NvAccess {
    private NvAccess() {}

    /**
     * NvReadAccessChecks: TPM_RC_NV_LOCKED when read-locked; TPM_RC_NV_AUTHORIZATION when owner
     * or platform authorized without OWNERREAD/PPREAD, or another index authorized; then
     * TPM_RC_NV_UNINITIALIZED when never written.
     */
    public static int read(int authHandle, NvIndex idx) {
        int attrs = idx.attributes();
        if (has(attrs, READLOCKED)) {
            return TpmRc.NV_LOCKED;
        }
        int rc = authority(authHandle, idx.handle(), attrs, OWNERREAD, PPREAD);
        if (rc != TpmRc.SUCCESS) {
            return rc;
        }
        return has(attrs, WRITTEN) ? TpmRc.SUCCESS : TpmRc.NV_UNINITIALIZED;
    }

    /**
     * NvWriteAccessChecks: TPM_RC_NV_LOCKED when write-locked; TPM_RC_NV_AUTHORIZATION when owner
     * or platform authorized without OWNERWRITE/PPWRITE, or another index authorized.
     */
    public static int write(int authHandle, NvIndex idx) {
        int attrs = idx.attributes();
        if (has(attrs, WRITELOCKED)) {
            return TpmRc.NV_LOCKED;
        }
        return authority(authHandle, idx.handle(), attrs, OWNERWRITE, PPWRITE);
    }

    /** When the index authorized itself, its AUTH/POLICY bits were checked with the session. */
    private static int authority(int authHandle, int nvHandle, int attrs, int ownerBit, int platformBit) {
        if (authHandle == TpmHandles.RH_OWNER) {
            return has(attrs, ownerBit) ? TpmRc.SUCCESS : TpmRc.NV_AUTHORIZATION;
        }
        if (authHandle == TpmHandles.RH_PLATFORM) {
            return has(attrs, platformBit) ? TpmRc.SUCCESS : TpmRc.NV_AUTHORIZATION;
        }
        return authHandle == nvHandle ? TpmRc.SUCCESS : TpmRc.NV_AUTHORIZATION;
    }

    /**
     * IsWriteOperation: the commands whose authorization of an index uses AUTHWRITE/POLICYWRITE
     * (NV_WriteLock counts, so a write-locked index fails it early). Every other command that
     * authorizes with an index (NV_Read, NV_ReadLock, NV_Certify, PolicyNV, PolicySecret...) is
     * a read and uses AUTHREAD/POLICYREAD.
     */
    public static boolean isWriteOperation(int commandCode) {
        switch (commandCode) {
            case TpmCc.NV_WRITE:
            case TpmCc.NV_INCREMENT:
            case TpmCc.NV_SET_BITS:
            case TpmCc.NV_EXTEND:
            case TpmCc.NV_WRITE_LOCK:
                return true;
            default:
                return false;
        }
    }
}
