package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.types.object.ObjectAttributes;

/**
 * A loaded transient or persistent object as authorization sees it: its Name, authValue, policy
 * and noDA, and the object rules of libtpms SessionProcess.c. A sequence behaves as the reference's
 * sequence objects do (an OBJECT whose only attribute is noDA): its authValue is always usable and
 * it has no policy.
 */
public record ObjectEntity(int handle, LoadedObject object) implements Entity {
    @Override
    public byte[] name() {
        return object.name();
    }

    @Override
    public byte[] authValue() {
        return object.authValue();
    }

    @Override
    public HierarchyPolicy authPolicy() {
        return object.authPolicy();
    }

    @Override
    public boolean daProtected() {
        return !object.noDA();
    }

    /** The key object, or null for a sequence. */
    public KeyObject key() {
        return object instanceof KeyObject k ? k : null;
    }

    /**
     * IsPolicySessionRequired: DUP always; ADMIN only when adminWithPolicy is set (a loaded
     * object, persistent ones included, may allow ADMIN actions with its authValue).
     */
    @Override
    public boolean policyRequired(AuthRole role) {
        if (role == AuthRole.DUP) {
            return true;
        }
        return role == AuthRole.ADMIN && adminWithPolicy();
    }

    /**
     * IsAuthValueAvailable: always for a sequence; for a key or data object only with its
     * sensitive part loaded, and then for USER when userWithAuth is set and for ADMIN when
     * adminWithPolicy is clear.
     */
    @Override
    public boolean authValueAvailable(int commandCode, AuthRole role) {
        KeyObject k = key();
        if (k == null) {
            return true;
        }
        if (k.publicOnly()) {
            return false;
        }
        return k.has(ObjectAttributes.USER_WITH_AUTH) || (role == AuthRole.ADMIN && !adminWithPolicy());
    }

    /**
     * IsAuthPolicyAvailable: for any key or data object with its sensitive part loaded (even with
     * an empty authPolicy, which then never matches), never for a sequence.
     */
    @Override
    public boolean authPolicyAvailable(int commandCode, AuthRole role) {
        KeyObject k = key();
        return k != null && !k.publicOnly();
    }

    private boolean adminWithPolicy() {
        KeyObject k = key();
        return k != null && k.has(ObjectAttributes.ADMIN_WITH_POLICY);
    }
}
