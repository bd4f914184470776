package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.core.HierarchyPolicy;

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
     * Called after an authorization that used this entity's authValue was checked (CheckAuthSession):
     * NV PIN indexes count failures or uses here.
     */
    default void authValueChecked(boolean succeeded) {
    }

    /** For an NV index, whether TPMA_NV_WRITTEN is set (TPM2_PolicyNvWritten); empty for anything else. */
    default java.util.Optional<Boolean> nvWritten() {
        return java.util.Optional.empty();
    }
}
