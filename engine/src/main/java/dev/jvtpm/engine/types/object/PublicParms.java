package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMU_PUBLIC_PARMS (Part 2 §12.2.3.7), selected by the object type. The "+" flags are those of
 * TPMS_*_PARMS: keyed-hash scheme, asymmetric symmetric definition and scheme, and ECC KDF may
 * be TPM_ALG_NULL; a SYMCIPHER's cipher may not.
 */
public sealed interface PublicParms {
    /** The TPMI_ALG_PUBLIC value that selects this member. */
    int type();

    void write(TpmWriter w);

    /** TPMS_KEYEDHASH_PARMS: an HMAC, XOR or NULL scheme. */
    record KeyedHash(Scheme scheme) implements PublicParms {
        public int type() { return TpmAlgId.KEYEDHASH; }

        public void write(TpmWriter w) {
            scheme.write(w);
        }
    }

    /** TPMS_SYMCIPHER_PARMS: the cipher (never NULL). */
    record SymCipher(SymDefObject sym) implements PublicParms {
        public int type() { return TpmAlgId.SYMCIPHER; }

        @Override
        public SymDefObject symmetric() {
            return sym;
        }

        public void write(TpmWriter w) {
            sym.write(w);
        }
    }

    /** TPMS_RSA_PARMS: exponent 0 means 2^16+1. */
    record Rsa(SymDefObject symmetric, Scheme scheme, int keyBits, int exponent) implements PublicParms {
        public int type() { return TpmAlgId.RSA; }

        public void write(TpmWriter w) {
            symmetric.write(w);
            scheme.write(w);
            w.u16(keyBits).u32(exponent);
        }
    }

    /** TPMS_ECC_PARMS. */
    record Ecc(SymDefObject symmetric, Scheme scheme, EccCurve curve, KdfScheme kdf) implements PublicParms {
        public int type() { return TpmAlgId.ECC; }

        public void write(TpmWriter w) {
            symmetric.write(w);
            scheme.write(w);
            w.u16(curve.id());
            kdf.write(w);
        }
    }

    /**
     * The symmetric definition that protects children: an asymmetric key's {@code symmetric}, a
     * SYMCIPHER's own cipher (the two share the first position of the union in the reference,
     * which is how it treats a symmetric parent), NULL for a keyed hash.
     */
    default SymDefObject symmetric() {
        return SymDefObject.NULL;
    }

    /**
     * TPMU_PUBLIC_PARMS_Unmarshal for an already validated type: TPMS_KEYEDHASH_PARMS,
     * TPMS_SYMCIPHER_PARMS, TPMS_RSA_PARMS (key bits: TPM_RC_VALUE) or TPMS_ECC_PARMS
     * (curve: TPM_RC_CURVE).
     */
    static PublicParms read(TpmReader r, int type) throws TpmException {
        switch (type) {
            case TpmAlgId.KEYEDHASH:
                return new KeyedHash(Scheme.readKeyedHash(r, true));
            case TpmAlgId.SYMCIPHER:
                return new SymCipher(SymDefObject.read(r, false));
            case TpmAlgId.RSA: {
                SymDefObject sym = SymDefObject.read(r, true);
                Scheme scheme = Scheme.readRsa(r, true);
                int bits = AlgSelectors.rsaKeyBits(r);
                return new Rsa(sym, scheme, bits, r.u32());
            }
            case TpmAlgId.ECC: {
                SymDefObject sym = SymDefObject.read(r, true);
                Scheme scheme = Scheme.readEcc(r, true);
                EccCurve curve = AlgSelectors.eccCurve(r);
                return new Ecc(sym, scheme, curve, KdfScheme.read(r, true));
            }
            default:
                throw new IllegalStateException("type 0x" + Integer.toHexString(type) + " passed TPMI_ALG_PUBLIC");
        }
    }
}
