package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.InvalidPointException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.KeyAgreement;

/**
 * ECC from SunEC (its own constant-time field arithmetic in Java since JDK 16). SunEC exposes no
 * point multiplication, only ECDSA and x-only ECDH, so a public point from a scalar and the full
 * ECDH point are recovered from those (see {@link JcaEccPrivateKey} and {@link #publicPoint}).
 */
final class JcaEcc implements EccFamily {
    private final SecureRandom random;
    private final Map<EccCurve, ECParameterSpec> specs = new EnumMap<>(EccCurve.class);

    JcaEcc(SecureRandom random) {
        this.random = random;
        for (EccCurve c : EccCurve.values()) {
            try {
                AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
                ap.init(new ECGenParameterSpec(c.secName()));
                specs.put(c, ap.getParameterSpec(ECParameterSpec.class));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SunEC lacks " + c.secName(), e);
            }
        }
    }

    ECParameterSpec spec(EccCurve c) {
        return specs.get(c);
    }

    @Override
    public EccKeyPair generate(EccCurve curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "SunEC");
            g.initialize(new ECGenParameterSpec(curve.secName()), random);
            KeyPair kp = g.generateKeyPair();
            ECPoint w = ((ECPublicKey) kp.getPublic()).getW();
            return EccKeyPair.of(((ECPrivateKey) kp.getPrivate()).getS(), EcPoint.of(curve, w.getAffineX(), w.getAffineY()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunEC key generation: " + e.getMessage(), e);
        }
    }

    /**
     * Q = d·G without a point API: ECDH of d with G gives x(Q); of the two points with that x, the
     * one under which an ECDSA signature made with d verifies is Q. (With a digest that is not 0
     * mod n, the wrong candidate can never verify: that would need u1·G = 0.)
     */
    @Override
    public EcPoint publicPoint(EccCurve curve, BigInteger d) {
        EccInputs.requireScalar(curve, d);
        try {
            ECPrivateKey priv = privateKey(curve, d);
            BigInteger x = new BigInteger(1, ecdhX(priv, publicKey(curve, curve.gx(), curve.gy())));
            BigInteger y = AffinePoints.sqrtY(curve, x);
            if (y == null) {
                throw new IllegalStateException("SunEC returned an x that is on no point");
            }
            byte[] digest = new byte[32];
            digest[31] = 1;
            Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
            s.initSign(priv, random);
            s.update(digest);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance("NONEwithECDSAinP1363Format");
            v.initVerify(publicKey(curve, x, y));
            v.update(digest);
            if (!v.verify(sig)) {
                y = curve.p().subtract(y);
            }
            return EcPoint.of(curve, x, y);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunEC: " + e.getMessage(), e);
        }
    }

    /** SunEC has no point-validation API; the check is the curve equation itself. */
    @Override
    public boolean isOnCurve(EcPoint point) {
        return point.curve().contains(point.xInt(), point.yInt());
    }

    @Override
    public EccPrivateKey prepare(EccKeyPair key) {
        try {
            EcPoint q = key.publicPoint();
            return new JcaEccPrivateKey(this, privateKey(key.curve(), key.privateScalar()),
                    publicKey(key.curve(), q.xInt(), q.yInt()), q, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("SunEC rejected the key: " + e.getMessage(), e);
        }
    }

    @Override
    public EccPublicKey publicKey(EcPoint q) throws InvalidPointException {
        if (!isOnCurve(q)) {
            throw new InvalidPointException("point is not on " + q.curve());
        }
        try {
            return new JcaEccPublicKey(publicKey(q.curve(), q.xInt(), q.yInt()), q);
        } catch (GeneralSecurityException e) {
            throw new InvalidPointException("SunEC rejected the point: " + e.getMessage());
        }
    }

    ECPrivateKey privateKey(EccCurve c, BigInteger d) throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC", "SunEC").generatePrivate(new ECPrivateKeySpec(d, spec(c)));
    }

    ECPublicKey publicKey(EccCurve c, BigInteger x, BigInteger y) throws GeneralSecurityException {
        return (ECPublicKey) KeyFactory.getInstance("EC", "SunEC")
                .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec(c)));
    }

    static byte[] ecdhX(ECPrivateKey priv, ECPublicKey peer) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("ECDH", "SunEC");
        ka.init(priv);
        ka.doPhase(peer, true);
        return ka.generateSecret();
    }
}
