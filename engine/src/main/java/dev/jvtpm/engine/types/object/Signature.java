package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMT_SIGNATURE (Part 2 §11.3.4), the TPMU_SIGNATURE members this TPM implements. ECDAA,
 * ECSchnorr and SM2 signatures fail at the selector (TPMI_ALG_SIG_SCHEME, TPM_RC_SCHEME), as on
 * a TPM built without those schemes.
 */
public sealed interface Signature {
    int sigAlg();

    void write(TpmWriter w);

    Null NULL = new Null();

    record Null() implements Signature {
        public int sigAlg() { return TpmAlgId.NULL; }

        public void write(TpmWriter w) {
            w.u16(TpmAlgId.NULL);
        }
    }

    /** TPMS_SIGNATURE_RSASSA or TPMS_SIGNATURE_RSAPSS: a hash and a TPM2B_PUBLIC_KEY_RSA. */
    record Rsa(int sigAlg, HashAlg hash, byte[] sig) implements Signature {
        public void write(TpmWriter w) {
            w.u16(sigAlg).u16(hash.id()).tpm2b(sig);
        }
    }

    /** TPMS_SIGNATURE_ECDSA: a hash and the two TPM2B_ECC_PARAMETER halves. */
    record Ecdsa(HashAlg hash, byte[] r, byte[] s) implements Signature {
        public int sigAlg() { return TpmAlgId.ECDSA; }

        public void write(TpmWriter w) {
            w.u16(TpmAlgId.ECDSA).u16(hash.id()).tpm2b(r).tpm2b(s);
        }
    }

    /** HMAC: a TPMT_HA, the digest being exactly the hash's size. */
    record Hmac(HashAlg hash, byte[] digest) implements Signature {
        public int sigAlg() { return TpmAlgId.HMAC; }

        public void write(TpmWriter w) {
            w.u16(TpmAlgId.HMAC).u16(hash.id()).bytes(digest);
        }
    }

    /**
     * TPMT_SIGNATURE_Unmarshal: TPMI_ALG_SIG_SCHEME (TPM_RC_SCHEME, NULL only when allowed), then
     * the member: hashes without NULL (TPM_RC_HASH), TPM2B sizes (TPM_RC_SIZE), a TPMT_HA digest of
     * the hash's size (TPM_RC_INSUFFICIENT when short).
     */
    static Signature read(TpmReader r, boolean allowNull) throws TpmException {
        int alg = AlgSelectors.sigScheme(r, allowNull);
        switch (alg) {
            case TpmAlgId.NULL:
                return NULL;
            case TpmAlgId.RSASSA:
            case TpmAlgId.RSAPSS: {
                HashAlg h = AlgSelectors.hashAlg(r);
                return new Rsa(alg, h, r.tpm2b(ObjectLimits.RSA_KEY));
            }
            case TpmAlgId.ECDSA: {
                HashAlg h = AlgSelectors.hashAlg(r);
                byte[] sr = r.tpm2b(ObjectLimits.ECC_KEY_BYTES);
                return new Ecdsa(h, sr, r.tpm2b(ObjectLimits.ECC_KEY_BYTES));
            }
            case TpmAlgId.HMAC: {
                HashAlg h = AlgSelectors.hashAlg(r);
                return new Hmac(h, r.bytes(h.digestSize()));
            }
            default:
                throw new IllegalStateException("selector 0x" + Integer.toHexString(alg) + " passed TPMI_ALG_SIG_SCHEME");
        }
    }
}
