package dev.jvtpm.engine.object.validation;

import static dev.jvtpm.engine.types.object.ObjectAttributes.DECRYPT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.ENCRYPTED_DUPLICATION;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_PARENT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_TPM;
import static dev.jvtpm.engine.types.object.ObjectAttributes.RESTRICTED;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SIGN;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * The public-area rules shared by creation and loading (Part 1 §27.2, Part 3 §12.1 and §12.2;
 * libtpms Object_spt.c PublicAttributesValidation). Codes are bare; callers place them at the
 * public area's parameter.
 */
public final class AttributeChecks {
    private AttributeChecks() {}

    /**
     * <ul>
     * <li>nameAlg TPM_ALG_NULL: TPM_RC_HASH.</li>
     * <li>a non-empty authPolicy must be the nameAlg's digest size: TPM_RC_SIZE.</li>
     * <li>under a fixedTPM parent or a hierarchy, fixedTPM == fixedParent; under a parent that is
     *     not fixedTPM, fixedTPM clear: TPM_RC_ATTRIBUTES.</li>
     * <li>sign == decrypt is allowed only for an unrestricted KEYEDHASH with both clear (a data
     *     object): TPM_RC_ATTRIBUTES.</li>
     * <li>fixedTPM with encryptedDuplication; under a non-fixedTPM parent, encryptedDuplication
     *     different from the parent's: TPM_RC_ATTRIBUTES.</li>
     * <li>under a derivation parent: fixedTPM as the parent's and fixedParent set: TPM_RC_ATTRIBUTES.</li>
     * <li>then {@link SchemeChecks}.</li>
     * </ul>
     *
     * @param parent null for a primary object (the hierarchy counts as a fixedTPM parent)
     */
    public static void check(Parent parent, PublicArea p) throws TpmException {
        int attrs = p.attributes();
        if (p.nameHash() == null) {
            throw new TpmException(TpmRc.HASH);
        }
        if (p.authPolicy().length != 0 && p.authPolicy().length != p.nameHash().digestSize()) {
            throw new TpmException(TpmRc.SIZE);
        }
        boolean fixedTpm = (attrs & FIXED_TPM) != 0;
        boolean fixedParent = (attrs & FIXED_PARENT) != 0;
        if (parent == null || parent.has(FIXED_TPM)) {
            if (fixedParent != fixedTpm) {
                throw new TpmException(TpmRc.ATTRIBUTES);
            }
        } else if (fixedTpm) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        boolean sign = (attrs & SIGN) != 0;
        boolean decrypt = (attrs & DECRYPT) != 0;
        if (sign == decrypt) {
            if ((attrs & RESTRICTED) != 0) {
                throw new TpmException(TpmRc.ATTRIBUTES);
            }
            if (p.type() != TpmAlgId.KEYEDHASH && !sign) {
                throw new TpmException(TpmRc.ATTRIBUTES);
            }
        }
        boolean encryptedDuplication = (attrs & ENCRYPTED_DUPLICATION) != 0;
        if (fixedTpm && encryptedDuplication) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        if (parent != null && !parent.has(FIXED_TPM) && encryptedDuplication != parent.has(ENCRYPTED_DUPLICATION)) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        if (parent != null && parent.isDerivation()) {
            if (fixedTpm != parent.has(FIXED_TPM) || !fixedParent) {
                throw new TpmException(TpmRc.ATTRIBUTES);
            }
        }
        SchemeChecks.check(parent, p);
    }
}
