package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.types.TpmHandles;

/**
 * Hierarchy and PCR handles: name = handle; authValue and authPolicy are the hierarchy's (or
 * PCR's) current values, read when asked, so a response HMAC after HierarchyChangeAuth uses the
 * new authValue as the reference does. HierarchyChangeAuth and SetPrimaryPolicy set a hierarchy's
 * values here too, where it is known which are persistent.
 */
public final class PermanentEntity implements Entity {
    private final TpmCore core;
    private final int handle;

    private PermanentEntity(TpmCore core, int handle) {
        this.core = core;
        this.handle = handle;
    }

    /** The entity for a hierarchy or PCR handle, or null when the handle is neither. */
    public static PermanentEntity of(TpmCore core, int handle) {
        switch (handle) {
            case TpmHandles.RH_OWNER:
            case TpmHandles.RH_ENDORSEMENT:
            case TpmHandles.RH_PLATFORM:
            case TpmHandles.RH_LOCKOUT:
            case TpmHandles.RH_NULL:
                return new PermanentEntity(core, handle);
            default:
                return TpmHandles.type(handle) == TpmHandles.HT_PCR ? new PermanentEntity(core, handle) : null;
        }
    }

    @Override
    public int handle() {
        return handle;
    }

    @Override
    public byte[] name() {
        return new byte[] {(byte) (handle >>> 24), (byte) (handle >>> 16), (byte) (handle >>> 8), (byte) handle};
    }

    @Override
    public byte[] authValue() {
        switch (handle) {
            case TpmHandles.RH_OWNER:
                return core.gp.ownerAuth;
            case TpmHandles.RH_ENDORSEMENT:
                return core.gp.endorsementAuth;
            case TpmHandles.RH_PLATFORM:
                return core.gc.platformAuth;
            case TpmHandles.RH_LOCKOUT:
                return core.gp.lockoutAuth;
            default:
                return isPcr() && PcrAttributes.inAuthGroup(handle) ? core.gc.pcrAuth : new byte[0];
        }
    }

    @Override
    public HierarchyPolicy authPolicy() {
        switch (handle) {
            case TpmHandles.RH_OWNER:
                return core.gp.ownerPolicy;
            case TpmHandles.RH_ENDORSEMENT:
                return core.gp.endorsementPolicy;
            case TpmHandles.RH_PLATFORM:
                return core.gc.platformPolicy;
            case TpmHandles.RH_LOCKOUT:
                return core.gp.lockoutPolicy;
            default:
                return isPcr() && PcrAttributes.inPolicyGroup(handle) ? core.gp.pcrPolicy : HierarchyPolicy.EMPTY;
        }
    }

    private boolean isPcr() {
        return TpmHandles.type(handle) == TpmHandles.HT_PCR;
    }

    /**
     * IsAuthPolicyAvailable: a PCR in a policy group may be authorized by a policy session even
     * while its policy is empty (the session digest then cannot match: TPM_RC_POLICY_FAIL).
     */
    @Override
    public boolean authPolicyAvailable(int commandCode, AuthRole role) {
        if (isPcr()) {
            return PcrAttributes.inPolicyGroup(handle);
        }
        return Entity.super.authPolicyAvailable(commandCode, role);
    }

    /**
     * Sets a hierarchy's authValue (HierarchyChangeAuth). See {@link #store} for when it reaches
     * NV.
     */
    public void setAuthValue(byte[] authValue) {
        switch (handle) {
            case TpmHandles.RH_OWNER -> core.gp.ownerAuth = authValue;
            case TpmHandles.RH_ENDORSEMENT -> core.gp.endorsementAuth = authValue;
            case TpmHandles.RH_LOCKOUT -> core.gp.lockoutAuth = authValue;
            case TpmHandles.RH_PLATFORM -> core.gc.platformAuth = authValue;
            default -> throw new IllegalStateException(String.format("0x%08X has no settable authValue", handle));
        }
        store();
    }

    /** Sets a hierarchy's authPolicy (SetPrimaryPolicy). See {@link #store} for when it reaches NV. */
    public void setAuthPolicy(HierarchyPolicy policy) {
        switch (handle) {
            case TpmHandles.RH_OWNER -> core.gp.ownerPolicy = policy;
            case TpmHandles.RH_ENDORSEMENT -> core.gp.endorsementPolicy = policy;
            case TpmHandles.RH_LOCKOUT -> core.gp.lockoutPolicy = policy;
            case TpmHandles.RH_PLATFORM -> core.gc.platformPolicy = policy;
            default -> throw new IllegalStateException(String.format("0x%08X has no settable authPolicy", handle));
        }
        store();
    }

    /**
     * The owner, endorsement and lockout authValue and authPolicy are persistent and written before
     * the response; the platform's live until the next Startup(CLEAR), so changing one ends a
     * pending orderly shutdown instead.
     */
    private void store() {
        if (handle == TpmHandles.RH_PLATFORM) {
            Lifecycle.clearOrderly(core);
        } else {
            core.markPersistentDirty();
        }
    }

    /** Only lockoutAuth failures count (Part 1 §19.8.6: they lock lockoutAuth itself). */
    @Override
    public boolean daProtected() {
        return handle == TpmHandles.RH_LOCKOUT;
    }

    /**
     * Platform, endorsement and null are their own hierarchy; owner, lockout and (as in the
     * reference's EntityGetHierarchy) PCRs the owner's.
     */
    @Override
    public int hierarchy() {
        switch (handle) {
            case TpmHandles.RH_PLATFORM:
            case TpmHandles.RH_ENDORSEMENT:
            case TpmHandles.RH_NULL:
                return handle;
            case TpmHandles.RH_OWNER:
            case TpmHandles.RH_LOCKOUT:
                return TpmHandles.RH_OWNER;
            default:
                return isPcr() ? TpmHandles.RH_OWNER : TpmHandles.RH_NULL;
        }
    }
}
