package dev.jvtpm.engine.object.validation;

import static dev.jvtpm.engine.types.object.ObjectAttributes.DECRYPT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.RESTRICTED;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.object.derivation.EccArithmetic;
import dev.jvtpm.engine.object.derivation.SymmetricUnique;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Validation of key material when an object is loaded (libtpms CryptUtil.c CryptValidateKeys):
 * sizes of the public and private parts and, where the reference checks it, their binding.
 * Positions are placed exactly as the reference places them: most codes at the public or the
 * sensitive parameter, but an ECC private key out of range (TPM_RC_KEY_SIZE) and every binding
 * failure (TPM_RC_BINDING) are returned without position.
 */
public final class KeyChecks {
    private final CryptoSuite suite;

    public KeyChecks(CryptoSuite suite) {
        this.suite = suite;
    }

    /**
     * @param sensitive  null for a public-only load
     * @param publicParam    the parameter number of the public area
     * @param sensitiveParam the parameter number of the sensitive area
     */
    public void check(PublicArea p, SensitiveArea sensitive, int publicParam, int sensitiveParam) throws TpmException {
        HashAlg nameAlg = p.nameHash();
        int digestSize = nameAlg == null ? 0 : nameAlg.digestSize();
        if (sensitive != null) {
            if (p.type() != sensitive.type()) {
                throw TpmException.parameter(sensitiveParam, TpmRc.TYPE);
            }
            if (sensitive.authValue().length > digestSize && digestSize > 0) {
                throw TpmException.parameter(sensitiveParam, TpmRc.SIZE);
            }
        }
        switch (p.type()) {
            case TpmAlgId.RSA:
                rsa(p, sensitive, publicParam, sensitiveParam);
                break;
            case TpmAlgId.ECC:
                ecc(p, sensitive, publicParam);
                break;
            default:
                symmetric(p, sensitive, digestSize, publicParam, sensitiveParam);
                break;
        }
        if (p.has(RESTRICTED) && p.has(DECRYPT) && sensitive != null && nameAlg != null) {
            int seed = sensitive.seedValue().length;
            if (seed < digestSize / 2 || seed > digestSize) {
                throw TpmException.parameter(sensitiveParam, TpmRc.SIZE);
            }
        }
    }

    /** Modulus of exactly keyBits with its top bit set (TPM_RC_KEY), exponent 0 or ≥ 7 (TPM_RC_VALUE), a prime of half the size with its top bit set (TPM_RC_KEY_SIZE). */
    private static void rsa(PublicArea p, SensitiveArea sensitive, int publicParam, int sensitiveParam) throws TpmException {
        PublicParms.Rsa parms = (PublicParms.Rsa) p.parameters();
        int keyBytes = (parms.keyBits() + 7) / 8;
        byte[] n = ((PublicId.Rsa) p.unique()).modulus();
        if (n.length != keyBytes || (n[0] & 0x80) == 0) {
            throw TpmException.parameter(publicParam, TpmRc.KEY);
        }
        long e = Integer.toUnsignedLong(parms.exponent());
        if (e != 0 && e < 7) {
            throw TpmException.parameter(publicParam, TpmRc.VALUE);
        }
        if (sensitive != null) {
            byte[] prime = sensitive.sensitive();
            if (prime.length * 2 != keyBytes || (prime[0] & 0x80) == 0) {
                throw TpmException.parameter(sensitiveParam, TpmRc.KEY_SIZE);
            }
        }
    }

    private void ecc(PublicArea p, SensitiveArea sensitive, int publicParam) throws TpmException {
        PublicParms.Ecc parms = (PublicParms.Ecc) p.parameters();
        EccPoint q = ((PublicId.Ecc) p.unique()).point();
        int keyBytes = parms.curve().keyBytes();
        if (sensitive == null) {
            if (q.x().length != keyBytes || q.y().length != keyBytes) {
                throw TpmException.parameter(publicParam, TpmRc.KEY);
            }
            if (p.nameHash() != null && !EccArithmetic.isOnCurve(parms.curve(), q)) {
                throw TpmException.parameter(publicParam, TpmRc.ECC_POINT);
            }
            return;
        }
        BigInteger d = new BigInteger(1, sensitive.sensitive());
        if (d.signum() == 0 || d.compareTo(EccArithmetic.order(parms.curve())) >= 0) {
            throw new TpmException(TpmRc.KEY_SIZE);
        }
        if (p.nameHash() != null) {
            EccPoint computed = EccArithmetic.publicPoint(suite, parms.curve(), d);
            if (!Arrays.equals(q.x(), adjust(computed.x(), q.x().length))
                    || !Arrays.equals(q.y(), adjust(computed.y(), q.y().length))) {
                throw new TpmException(TpmRc.BINDING);
            }
        }
    }

    private void symmetric(PublicArea p, SensitiveArea sensitive, int digestSize, int publicParam, int sensitiveParam)
            throws TpmException {
        byte[] unique = ((PublicId.Digest) p.unique()).value();
        if (sensitive == null) {
            if (unique.length != digestSize) {
                throw TpmException.parameter(publicParam, TpmRc.KEY);
            }
            return;
        }
        if (p.parameters() instanceof PublicParms.SymCipher sym) {
            if (sensitive.sensitive().length != sym.sym().keyBytes()) {
                throw TpmException.parameter(sensitiveParam, TpmRc.KEY_SIZE);
            }
        } else {
            Scheme scheme = ((PublicParms.KeyedHash) p.parameters()).scheme();
            int max = scheme.isNull() ? 128 : scheme.hash().blockSize();
            if (sensitive.sensitive().length > max) {
                throw TpmException.parameter(sensitiveParam, TpmRc.KEY_SIZE);
            }
        }
        if (p.nameHash() != null) {
            if (sensitive.seedValue().length != digestSize) {
                throw TpmException.parameter(sensitiveParam, TpmRc.KEY_SIZE);
            }
            if (!Arrays.equals(unique, SymmetricUnique.compute(suite, p, sensitive))) {
                throw new TpmException(TpmRc.BINDING);
            }
        }
    }

    /** libtpms AdjustNumberB: leading zeros removed (never significant bytes) or added to reach {@code size}. */
    static byte[] adjust(byte[] num, int size) {
        if (num.length == size) {
            return num;
        }
        if (num.length > size) {
            int from = 0;
            while (from < num.length - size && num[from] == 0) {
                from++;
            }
            return Arrays.copyOfRange(num, from, num.length);
        }
        byte[] out = new byte[size];
        System.arraycopy(num, 0, out, size - num.length, num.length);
        return out;
    }
}
