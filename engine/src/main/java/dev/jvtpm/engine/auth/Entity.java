package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;

/** Something a handle refers to, as authorization sees it. */
public interface Entity {
    int handle();

    /** The name used in cpHash: the handle for PCRs and permanent handles, nameAlg ‖ digest for objects and NV. */
    byte[] name();

    /** The authValue (not yet stripped of trailing zeros). */
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
     * Called once a session used this entity's authValue (a password session, an HMAC session
     * not bound to it, a policy session with PolicyAuthValue or PolicyPassword), whether or not
     * the authorization succeeded: CheckAuthSession's PIN index processing, where a PIN Fail
     * index counts failures and resets on success and a PIN Pass index counts successes.
     */
    default void authValueChecked(TpmCore core, boolean matched) {
    }
}
