package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;

/** Something a handle refers to, as authorization sees it. */
public interface Entity {
    int handle();

    /** The name used in cpHash: the handle for PCRs and permanent handles, nameAlg ‖ digest for objects and NV. */
    byte[] name();

    /**
     * The authValue (not yet stripped of trailing zeros), read when called: a command that
     * changes it (HierarchyChangeAuth, NV_ChangeAuth) makes the response HMAC use the new value.
     */
    byte[] authValue();

    HierarchyPolicy authPolicy();

    /** Failures count against dictionary-attack protection. */
    boolean daProtected();

    /**
     * IsPolicySessionRequired (Part 1 §19.7): only a policy session may authorize {@code role}.
     * DUP always needs a policy; ADMIN does unless an object's adminWithPolicy is clear.
     */
    default boolean policyRequired(AuthRole role) {
        return role == AuthRole.DUP || role == AuthRole.ADMIN;
    }

    /**
     * IsAuthValueAvailable: a password or HMAC session may authorize {@code role} for command
     * {@code commandCode} (objects need userWithAuth for USER, NV indexes AUTHREAD/AUTHWRITE...).
     */
    default boolean authValueAvailable(int commandCode, AuthRole role) {
        return true;
    }

    /** IsAuthPolicyAvailable: a policy session may authorize this entity (it has a policy to match). */
    default boolean authPolicyAvailable(int commandCode, AuthRole role) {
        return authPolicy().digest().length != 0;
    }

    /**
     * TPM2_StartAuthSession may bind a session to this entity. Not for objects loaded without
     * their sensitive area, whose authValue is unknown, nor for NV PIN indexes (Part 3 §11.1).
     */
    default boolean bindable() {
        return true;
    }

    /**
     * Called once a session used this entity's authValue (a password session, an HMAC session
     * not bound to it, a policy session with PolicyAuthValue or PolicyPassword), whether or not
     * the authorization succeeded: CheckAuthSession's PIN index processing, where a PIN Fail
     * index counts failures and resets on success and a PIN Pass index counts successes.
     */
    default void authValueChecked(TpmCore core, boolean matched) {
    }

    /** For an NV index, whether TPMA_NV_WRITTEN is set (TPM2_PolicyNvWritten); empty for anything else. */
    default java.util.Optional<Boolean> nvWritten() {
        return java.util.Optional.empty();
    }

    /**
     * EntityGetHierarchy: the hierarchy whose proof keys tickets about this entity (TPMT_TK_AUTH
     * of TPM2_PolicySecret). TPM_RH_NULL unless the entity belongs to a hierarchy.
     */
    default int hierarchy() {
        return dev.jvtpm.engine.types.TpmHandles.RH_NULL;
    }

    /** An NV PIN Pass index: TPM2_PolicySecret gives no ticket for it. */
    default boolean pinPass() {
        return false;
    }
}
