package dev.jvtpm.engine.object.validation;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;

/**
 * A loaded object in the role of parent, as the checks see it. The reference marks a loaded
 * object that is restricted, decrypt, not public-only and has a nameAlg as a parent — an ordinary
 * parent, or a derivation parent when it is a KEYEDHASH (libtpms ObjectSetLoadedAttributes).
 * Commands check {@link #isParentCapable} (TPM_RC_TYPE on the parent handle) before validating.
 */
public record Parent(PublicArea publicArea) {

    /** Whether an object with this public area, loaded with its sensitive part, acts as a parent. */
    public static boolean isParentCapable(PublicArea p, boolean publicOnly) {
        return p.has(ObjectAttributes.RESTRICTED) && p.has(ObjectAttributes.DECRYPT)
                && !publicOnly && p.nameHash() != null;
    }

    /** A derivation parent (restricted decrypt KEYEDHASH), used by TPM2_CreateLoaded. */
    public boolean isDerivation() {
        return publicArea.type() == TpmAlgId.KEYEDHASH;
    }

    public int attributes() {
        return publicArea.attributes();
    }

    public boolean has(int bit) {
        return publicArea.has(bit);
    }
}
