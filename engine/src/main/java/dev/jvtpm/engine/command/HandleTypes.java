package dev.jvtpm.engine.command;

import static dev.jvtpm.engine.types.TpmHandles.*;

import dev.jvtpm.engine.auth.SessionTable;
import dev.jvtpm.engine.object.ObjectStore;
import dev.jvtpm.engine.pcr.PcrAttributes;

/** The handle interface types of Part 2 that commands use. "+NULL" variants accept TPM_RH_NULL. */
public final class HandleTypes {
    private HandleTypes() {}

    /** TPMI_DH_PCR: an implemented PCR. */
    public static final HandleType PCR = HandleType.range(HT_PCR, PcrAttributes.PCR_COUNT - 1);
    /** TPMI_DH_PCR+: a PCR or TPM_RH_NULL. */
    public static final HandleType PCR_OR_NULL = PCR.or(HandleType.of(RH_NULL));
    /** TPMI_RH_HIERARCHY: owner, endorsement, platform. */
    public static final HandleType HIERARCHY = HandleType.of(RH_OWNER, RH_ENDORSEMENT, RH_PLATFORM);
    /** TPMI_RH_HIERARCHY+: owner, endorsement, platform, null. */
    public static final HandleType HIERARCHY_OR_NULL = HandleType.of(RH_OWNER, RH_ENDORSEMENT, RH_PLATFORM, RH_NULL);
    /** TPMI_RH_HIERARCHY_AUTH: owner, endorsement, platform, lockout. */
    public static final HandleType HIERARCHY_AUTH = HandleType.of(RH_OWNER, RH_ENDORSEMENT, RH_PLATFORM, RH_LOCKOUT);
    /** TPMI_RH_HIERARCHY_POLICY: the same four (ACT handles not implemented). */
    public static final HandleType HIERARCHY_POLICY = HIERARCHY_AUTH;
    /** TPMI_RH_ENABLES: owner, endorsement, platform, platformNV. */
    public static final HandleType ENABLES = HandleType.of(RH_OWNER, RH_ENDORSEMENT, RH_PLATFORM, RH_PLATFORM_NV);
    /** TPMI_RH_PLATFORM. */
    public static final HandleType PLATFORM = HandleType.of(RH_PLATFORM);
    /** TPMI_RH_OWNER (+NULL variant below). */
    public static final HandleType OWNER = HandleType.of(RH_OWNER);
    /** TPMI_RH_ENDORSEMENT. */
    public static final HandleType ENDORSEMENT = HandleType.of(RH_ENDORSEMENT);
    /** TPMI_RH_PROVISION: owner or platform. */
    public static final HandleType PROVISION = HandleType.of(RH_OWNER, RH_PLATFORM);
    /** TPMI_RH_CLEAR: lockout or platform. */
    public static final HandleType CLEAR = HandleType.of(RH_LOCKOUT, RH_PLATFORM);
    /** TPMI_RH_LOCKOUT. */
    public static final HandleType LOCKOUT = HandleType.of(RH_LOCKOUT);
    /** TPMI_RH_NV_AUTH: owner, platform or an NV index. */
    public static final HandleType NV_AUTH = PROVISION.or(HandleType.range(HT_NV_INDEX, 0xFFFFFF));
    /** TPMI_RH_NV_INDEX. */
    public static final HandleType NV_INDEX = HandleType.range(HT_NV_INDEX, 0xFFFFFF);
    /**
     * TPMI_DH_OBJECT: a transient or persistent object. Only the transient handles of existing
     * slots unmarshal (TRANSIENT_FIRST..TRANSIENT_LAST, as libtpms); others are TPM_RC_VALUE.
     */
    public static final HandleType OBJECT = HandleType.range(HT_TRANSIENT, ObjectStore.MAX_LOADED_OBJECTS - 1)
            .or(HandleType.range(HT_PERSISTENT, 0xFFFFFF));
    /** TPMI_DH_OBJECT+. */
    public static final HandleType OBJECT_OR_NULL = OBJECT.or(HandleType.of(RH_NULL));
    /** TPMI_DH_PARENT+: an object, a hierarchy or TPM_RH_NULL (TPM2_CreateLoaded). */
    public static final HandleType PARENT_OR_NULL = OBJECT.or(HIERARCHY_OR_NULL);
    /** TPMI_DH_PERSISTENT. */
    public static final HandleType PERSISTENT = HandleType.range(HT_PERSISTENT, 0xFFFFFF);
    /** TPMI_SH_POLICY. */
    public static final HandleType POLICY_SESSION = HandleType.range(HT_POLICY_SESSION, 0xFFFFFF);
    /** TPMI_SH_HMAC. */
    public static final HandleType HMAC_SESSION = HandleType.range(HT_HMAC_SESSION, 0xFFFFFF);
    /** TPMI_DH_CONTEXT: a transient object or a session (handles of existing slots only). */
    public static final HandleType CONTEXT = HandleType.range(HT_TRANSIENT, ObjectStore.MAX_LOADED_OBJECTS - 1)
            .or(HandleType.range(HT_HMAC_SESSION, SessionTable.MAX_ACTIVE_SESSIONS - 1))
            .or(HandleType.range(HT_POLICY_SESSION, SessionTable.MAX_ACTIVE_SESSIONS - 1));
    /** HMAC session handles of TPMI_DH_SAVED (HMAC_SESSION_FIRST..HMAC_SESSION_LAST). */
    public static final HandleType HMAC_SESSION_SAVED = HandleType.range(HT_HMAC_SESSION, SessionTable.MAX_ACTIVE_SESSIONS - 1);
    /** Policy session handles of TPMI_DH_SAVED. */
    public static final HandleType POLICY_SESSION_SAVED = HandleType.range(HT_POLICY_SESSION, SessionTable.MAX_ACTIVE_SESSIONS - 1);
    /** TPMI_DH_ENTITY: anything that can carry an authorization. */
    public static final HandleType ENTITY = HandleType.of(RH_OWNER, RH_ENDORSEMENT, RH_PLATFORM, RH_LOCKOUT)
            .or(OBJECT).or(NV_INDEX).or(PCR);
    /** TPMI_DH_ENTITY+ . */
    public static final HandleType ENTITY_OR_NULL = ENTITY.or(HandleType.of(RH_NULL));
}
