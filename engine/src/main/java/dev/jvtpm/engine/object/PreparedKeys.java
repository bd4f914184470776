package dev.jvtpm.engine.object;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.math.BigInteger;

/**
 * An object's asymmetric key as the crypto providers hold it: the public and (unless the object
 * was loaded public-only) sensitive areas, and provider key handles made on first use and kept
 * for the object's lifetime, so that a key used many times is imported into its provider once.
 * {@link #close()} releases them (the object store calls it when the object is flushed).
 *
 * <p>Like the reference (CryptRsaLoadPrivateExponent runs on first private use, not at load),
 * an RSA private key whose prime does not divide the modulus is noticed on first use:
 * TPM_RC_BINDING.
 */
public final class PreparedKeys implements AutoCloseable {
    private final CryptoSuite suite;
    private final PublicArea publicArea;
    private final SensitiveArea sensitive;
    private RsaPublicKey rsaPublic;
    private RsaPrivateKey rsaPrivate;
    private EccPublicKey eccPublic;
    private EccPrivateKey eccPrivate;

    /** @param sensitive null for a public-only object */
    public PreparedKeys(CryptoSuite suite, PublicArea publicArea, SensitiveArea sensitive) {
        this.suite = suite;
        this.publicArea = publicArea;
        this.sensitive = sensitive;
    }

    public PublicArea publicArea() {
        return publicArea;
    }

    /** The sensitive area, or null when only the public part is loaded. */
    public SensitiveArea sensitive() {
        return sensitive;
    }

    public boolean publicOnly() {
        return sensitive == null;
    }

    /** The RSA public exponent: TPMS_RSA_PARMS.exponent, 0 meaning 2^16+1. */
    public BigInteger rsaExponent() {
        long e = Integer.toUnsignedLong(((PublicParms.Rsa) publicArea.parameters()).exponent());
        return e == 0 ? RsaFamily.DEFAULT_EXPONENT : BigInteger.valueOf(e);
    }

    public BigInteger rsaModulus() {
        return new BigInteger(1, ((PublicId.Rsa) publicArea.unique()).modulus());
    }

    /**
     * The public key of an RSA object (its modulus was validated when the object was loaded);
     * TPM_RC_KEY for an external key whose exponent no RSA implementation takes (even, or not
     * below the modulus).
     */
    public RsaPublicKey rsaPublic() throws TpmException {
        requireType(TpmAlgId.RSA);
        if (rsaPublic == null) {
            try {
                rsaPublic = rsaPrivate != null ? rsaPrivate : suite.rsa().publicKey(rsaModulus(), rsaExponent());
            } catch (IllegalArgumentException e) {
                throw new TpmException(TpmRc.KEY, e.getMessage());
            }
        }
        return rsaPublic;
    }

    /** The private key of an RSA object; TPM_RC_BINDING when its prime is not a factor of the modulus. */
    public RsaPrivateKey rsaPrivate() throws TpmException {
        requireType(TpmAlgId.RSA);
        requirePrivate();
        if (rsaPrivate == null) {
            RsaKeyComponents components;
            try {
                components = RsaKeyComponents.fromPrime(rsaModulus(), rsaExponent(), new BigInteger(1, sensitive.sensitive()));
            } catch (IllegalArgumentException e) {
                // Also an exponent that is not invertible: no private key exists for it.
                throw new TpmException(TpmRc.BINDING, "RSA prime does not match the modulus");
            }
            rsaPrivate = suite.rsa().prepare(components);
        }
        return rsaPrivate;
    }

    /** The curve of an ECC object. */
    public EccCurve curve() {
        requireType(TpmAlgId.ECC);
        return EccCurve.fromTpmId(((PublicParms.Ecc) publicArea.parameters()).curve().id());
    }

    /** The public point of an ECC object; InvalidPointException when it is not on the curve. */
    public EcPoint eccPoint() throws InvalidPointException {
        var q = ((PublicId.Ecc) publicArea.unique()).point();
        return toPoint(curve(), q.x(), q.y());
    }

    /** The public key of an ECC object; InvalidPointException when its point is not on the curve. */
    public EccPublicKey eccPublic() throws InvalidPointException {
        requireType(TpmAlgId.ECC);
        if (eccPublic == null) {
            eccPublic = eccPrivate != null ? eccPrivate : suite.ecc().publicKey(eccPoint());
        }
        return eccPublic;
    }

    /**
     * The private key of an ECC object. A loaded key's scalar is in [1, n-1] and, when it has a
     * nameAlg, its public point was checked to be d·G; an external key without nameAlg may carry
     * any point, which is then recomputed from d.
     */
    public EccPrivateKey eccPrivate() throws TpmException {
        requireType(TpmAlgId.ECC);
        requirePrivate();
        if (eccPrivate == null) {
            EccCurve c = curve();
            BigInteger d = new BigInteger(1, sensitive.sensitive());
            if (!c.isValidScalar(d)) {
                throw new TpmException(TpmRc.KEY_SIZE, "ECC private key out of range");
            }
            EcPoint q;
            try {
                q = eccPoint();
                if (!suite.ecc().isOnCurve(q)) {
                    q = suite.ecc().publicPoint(c, d);
                }
            } catch (InvalidPointException e) {
                q = suite.ecc().publicPoint(c, d);
            }
            eccPrivate = suite.ecc().prepare(EccKeyPair.of(d, q));
        }
        return eccPrivate;
    }

    /** A point of {@code curve} from TPM2B coordinates; InvalidPointException when they cannot be one. */
    public static EcPoint toPoint(EccCurve curve, byte[] x, byte[] y) throws InvalidPointException {
        try {
            return EcPoint.of(curve, x, y);
        } catch (IllegalArgumentException e) {
            throw new InvalidPointException("coordinate longer than " + curve.coordinateBytes() + " bytes");
        }
    }

    private void requireType(int type) {
        if (publicArea.type() != type) {
            throw new IllegalStateException("object of type 0x" + Integer.toHexString(publicArea.type())
                    + " used as 0x" + Integer.toHexString(type));
        }
    }

    private void requirePrivate() {
        if (sensitive == null) {
            throw new IllegalStateException("the private part of a public-only object was used");
        }
    }

    @Override
    public void close() {
        if (rsaPrivate != null) {
            rsaPrivate.close();
            rsaPrivate = null;
            rsaPublic = null;
        }
        if (eccPrivate != null) {
            eccPrivate.close();
            eccPrivate = null;
            eccPublic = null;
        }
    }
}
