package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.KdfScheme;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;

/** Object templates for tests, named after what they are. Attribute constants as TPMA_OBJECT bits. */
public final class Templates {
    private Templates() {}

    public static final SymDefObject AES128_CFB = SymDefObject.aes(128, TpmAlgId.CFB);
    public static final SymDefObject AES256_CFB = SymDefObject.aes(256, TpmAlgId.CFB);

    /** fixedTPM | fixedParent | sensitiveDataOrigin | userWithAuth | restricted | decrypt (0x30072). */
    public static final int STORAGE = 0x00030072;
    /** fixedTPM | fixedParent | sensitiveDataOrigin | userWithAuth | sign (0x40072). */
    public static final int SIGNING = 0x00040072;
    /** The TCG EK template's attributes (0x300B2: adminWithPolicy instead of userWithAuth). */
    public static final int EK = 0x000300B2;

    public static PublicArea rsa(int attrs, int bits, SymDefObject sym, Scheme scheme) {
        return new PublicArea(TpmAlgId.RSA, HashAlg.SHA256.id(), attrs, new byte[0],
                new PublicParms.Rsa(sym, scheme, bits, 0), PublicId.empty(TpmAlgId.RSA));
    }

    public static PublicArea ecc(int attrs, EccCurve curve, SymDefObject sym, Scheme scheme) {
        return new PublicArea(TpmAlgId.ECC, HashAlg.SHA256.id(), attrs, new byte[0],
                new PublicParms.Ecc(sym, scheme, curve, KdfScheme.NULL), PublicId.empty(TpmAlgId.ECC));
    }

    public static PublicArea keyedHash(int attrs, HashAlg nameAlg, Scheme scheme) {
        return new PublicArea(TpmAlgId.KEYEDHASH, nameAlg.id(), attrs, new byte[0],
                new PublicParms.KeyedHash(scheme), PublicId.empty(TpmAlgId.KEYEDHASH));
    }

    public static PublicArea symCipher(int attrs, HashAlg nameAlg, SymDefObject sym) {
        return new PublicArea(TpmAlgId.SYMCIPHER, nameAlg.id(), attrs, new byte[0],
                new PublicParms.SymCipher(sym), PublicId.empty(TpmAlgId.SYMCIPHER));
    }

    public static PublicArea withAttributes(PublicArea p, int attrs) {
        return new PublicArea(p.type(), p.nameAlg(), attrs, p.authPolicy(), p.parameters(), p.unique());
    }

    public static PublicArea withNameAlg(PublicArea p, int nameAlg) {
        return new PublicArea(p.type(), nameAlg, p.attributes(), p.authPolicy(), p.parameters(), p.unique());
    }

    public static PublicArea withPolicy(PublicArea p, byte[] policy) {
        return new PublicArea(p.type(), p.nameAlg(), p.attributes(), policy, p.parameters(), p.unique());
    }

    public static PublicArea withParms(PublicArea p, PublicParms parms) {
        return new PublicArea(p.type(), p.nameAlg(), p.attributes(), p.authPolicy(), parms, p.unique());
    }
}
