package dev.jvtpm.engine.object.validation;

import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_PARENT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_TPM;
import static dev.jvtpm.engine.types.object.ObjectAttributes.RESTRICTED;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.util.Arrays;

/**
 * The validation each object command performs on the object it creates or loads, in the
 * reference's order and with its response codes at the command's parameter positions. The
 * command passes the numbers of its public and sensitive parameters; what a command checks about
 * its handles and hierarchies before calling here stays in the command.
 *
 * <table>
 * <caption>Who calls what (Part 3 numbers of the public/sensitive parameters)</caption>
 * <tr><td>TPM2_Create (§12.1)</td><td>{@link #create}(parent, …, 2, 1)</td></tr>
 * <tr><td>TPM2_CreatePrimary (§24.1)</td><td>{@link #create}(null, …, 2, 1)</td></tr>
 * <tr><td>TPM2_Load (§12.2)</td><td>{@link #load}(parent, …, 2, 1), after the private blob is unwrapped</td></tr>
 * <tr><td>TPM2_LoadExternal (§12.3)</td><td>{@link #loadExternal}(…, 2, 1), after its hierarchy checks</td></tr>
 * <tr><td>TPM2_Import (§13.3)</td><td>{@link #importObject}(newParent, …, 2, 3), after the duplicate is unwrapped</td></tr>
 * </table>
 */
public final class ObjectValidation {
    private final KeyChecks keys;

    public ObjectValidation(CryptoSuite suite) {
        this.keys = new KeyChecks(suite);
    }

    /**
     * TPM2_Create / TPM2_CreatePrimary: {@link CreateChecks} (codes at inPublic), then the userAuth
     * adjusted to the nameAlg's digest size (TPM_RC_SIZE at inSensitive when, without trailing
     * zeros, it is longer). Returns the adjusted userAuth, which the sensitive area keeps.
     *
     * @param parent null for CreatePrimary
     */
    public byte[] create(Parent parent, PublicArea template, SensitiveCreate sensitive, int inPublicParam, int inSensitiveParam)
            throws TpmException {
        try {
            CreateChecks.check(parent, template, sensitive.data().length);
        } catch (TpmException e) {
            throw e.atParameter(inPublicParam);
        }
        byte[] auth = adjustAuthSize(sensitive.userAuth(), template.nameHash());
        if (auth == null) {
            throw TpmException.parameter(inSensitiveParam, TpmRc.SIZE);
        }
        return auth;
    }

    /**
     * libtpms AdjustAuthSize: trailing zeros removed, then padded with zeros to the digest size
     * of {@code nameAlg} (to the largest digest when nameAlg is null, as for LoadExternal); null
     * when the trimmed value is longer than that.
     */
    public static byte[] adjustAuthSize(byte[] auth, HashAlg nameAlg) {
        int digestSize = nameAlg == null ? ObjectLimits.DIGEST : nameAlg.digestSize();
        int len = auth.length;
        while (len > 0 && auth[len - 1] == 0) {
            len--;
        }
        if (len > digestSize) {
            return null;
        }
        return Arrays.copyOf(auth, digestSize);
    }

    /** TPM2_Load, once the sensitive area is out of its blob: libtpms ObjectLoad under a parent object. */
    public void load(Parent parent, PublicArea p, SensitiveArea sensitive, int inPublicParam, int inPrivateParam)
            throws TpmException {
        objectLoad(parent, p, sensitive, inPublicParam, inPrivateParam, !parent.has(FIXED_TPM));
    }

    /**
     * TPM2_LoadExternal after its hierarchy checks (disabled hierarchy, or a sensitive area outside
     * TPM_RH_NULL: TPM_RC_HIERARCHY at hierarchy): with a sensitive area, fixedTPM, fixedParent and
     * restricted must be clear (TPM_RC_ATTRIBUTES at inPublic); then libtpms ObjectLoad without
     * parent, which validates the key material fully.
     *
     * @param sensitive null for a public-only load
     */
    public void loadExternal(PublicArea p, SensitiveArea sensitive, int inPublicParam, int inPrivateParam) throws TpmException {
        if (sensitive != null && (p.attributes() & (FIXED_TPM | FIXED_PARENT | RESTRICTED)) != 0) {
            throw TpmException.parameter(inPublicParam, TpmRc.ATTRIBUTES);
        }
        objectLoad(null, p, sensitive, inPublicParam, inPrivateParam, true);
    }

    /**
     * TPM2_Import once the duplicate is unwrapped: when the new parent is fixedTPM the object is
     * validated as if loaded (libtpms ObjectLoad with neither object nor parent), so that the
     * later TPM2_Load under that parent may skip the key checks. The command has already required
     * fixedTPM and fixedParent clear (TPM_RC_ATTRIBUTES at objectPublic).
     */
    public void importObject(Parent newParent, PublicArea p, SensitiveArea sensitive, int objectPublicParam, int duplicateParam)
            throws TpmException {
        if (newParent.has(FIXED_TPM)) {
            objectLoad(null, p, sensitive, objectPublicParam, duplicateParam, true);
        }
    }

    private void objectLoad(Parent parent, PublicArea p, SensitiveArea sensitive, int publicParam, int sensitiveParam,
                            boolean checkKeys) throws TpmException {
        try {
            if (sensitive == null || p.nameHash() == null) {
                SchemeChecks.check(null, p);
            } else {
                if (sensitive.seedValue().length > p.nameHash().digestSize()) {
                    throw TpmException.parameter(sensitiveParam, TpmRc.KEY_SIZE);
                }
                AttributeChecks.check(parent, p);
            }
        } catch (TpmException e) {
            throw e.atParameter(publicParam);
        }
        if (checkKeys) {
            keys.check(p, sensitive, publicParam, sensitiveParam);
        }
    }
}
