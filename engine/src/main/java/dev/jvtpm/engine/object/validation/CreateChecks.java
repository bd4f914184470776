package dev.jvtpm.engine.object.validation;

import static dev.jvtpm.engine.types.object.ObjectAttributes.DECRYPT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_PARENT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_TPM;
import static dev.jvtpm.engine.types.object.ObjectAttributes.RESTRICTED;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SENSITIVE_DATA_ORIGIN;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SIGN;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * The rules only creation has (Part 3 §12.1 TPM2_Create, §24.1 TPM2_CreatePrimary; libtpms
 * Object_spt.c CreateChecks), then {@link AttributeChecks}. Codes are bare; the commands place
 * them at inPublic.
 */
public final class CreateChecks {
    private CreateChecks() {}

    /**
     * <ul>
     * <li>sensitiveDataOrigin clear needs caller data; under a parent object, sensitiveDataOrigin set
     *     forbids it (a primary may carry data with sensitiveDataOrigin set: it only seeds the
     *     derivation): TPM_RC_ATTRIBUTES.</li>
     * <li>a data object (KEYEDHASH with sign and decrypt clear) cannot have sensitiveDataOrigin;
     *     a restricted KEYEDHASH or SYMCIPHER without sensitiveDataOrigin must not be fixedTPM or
     *     fixedParent; an asymmetric key must have sensitiveDataOrigin: TPM_RC_ATTRIBUTES.</li>
     * </ul>
     *
     * @param parent null for TPM2_CreatePrimary
     */
    public static void check(Parent parent, PublicArea p, int sensitiveDataSize) throws TpmException {
        int attrs = p.attributes();
        boolean sdo = (attrs & SENSITIVE_DATA_ORIGIN) != 0;
        if (!sdo && sensitiveDataSize == 0) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        if (parent != null && sdo && sensitiveDataSize != 0) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        boolean fail;
        switch (p.type()) {
            case TpmAlgId.KEYEDHASH:
            case TpmAlgId.SYMCIPHER:
                boolean dataObject = p.type() == TpmAlgId.KEYEDHASH && (attrs & (SIGN | DECRYPT)) == 0;
                fail = (dataObject && sdo)
                        || ((attrs & RESTRICTED) != 0 && !sdo && (attrs & (FIXED_PARENT | FIXED_TPM)) != 0);
                break;
            default:
                fail = !sdo;
                break;
        }
        if (fail) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        AttributeChecks.check(parent, p);
    }
}
