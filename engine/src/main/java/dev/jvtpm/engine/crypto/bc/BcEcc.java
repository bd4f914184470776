package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.InvalidPointException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * ECC on BouncyCastle's custom-curve field arithmetic (SecP256R1Curve etc.). Its variable-base
 * multiplication (used for ECDH) is wNAF, not constant-time, one reason this provider comes last.
 */
final class BcEcc implements EccFamily {
    private final SecureRandom random;
    private final Map<EccCurve, ECDomainParameters> domains = new EnumMap<>(EccCurve.class);

    BcEcc(SecureRandom random) {
        this.random = random;
        for (EccCurve c : EccCurve.values()) {
            X9ECParameters x = CustomNamedCurves.getByName(c.nistName());
            domains.put(c, new ECDomainParameters(x.getCurve(), x.getG(), x.getN(), x.getH(), x.getSeed()));
        }
    }

    ECDomainParameters domain(EccCurve c) {
        return domains.get(c);
    }

    @Override
    public EccKeyPair generate(EccCurve curve) {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(domain(curve), random));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        ECPoint q = ((ECPublicKeyParameters) kp.getPublic()).getQ().normalize();
        return EccKeyPair.of(((ECPrivateKeyParameters) kp.getPrivate()).getD(), point(curve, q));
    }

    @Override
    public EcPoint publicPoint(EccCurve curve, BigInteger d) {
        EccInputs.requireScalar(curve, d);
        // The comb multiplier is BC's fixed-base method, regular in the scalar's bits.
        ECPoint q = new FixedPointCombMultiplier().multiply(domain(curve).getG(), d).normalize();
        return point(curve, q);
    }

    @Override
    public boolean isOnCurve(EcPoint p) {
        return validated(p) != null;
    }

    @Override
    public EccPrivateKey prepare(EccKeyPair key) {
        ECDomainParameters dom = domain(key.curve());
        EcPoint q = key.publicPoint();
        ECPoint bcq = dom.getCurve().createPoint(q.xInt(), q.yInt());
        return new BcEccPrivateKey(new ECPrivateKeyParameters(key.privateScalar(), dom),
                new ECPublicKeyParameters(bcq, dom), q, random);
    }

    @Override
    public EccPublicKey publicKey(EcPoint q) throws InvalidPointException {
        ECPoint p = validated(q);
        if (p == null) {
            throw new InvalidPointException("point is not on " + q.curve());
        }
        return new BcEccPublicKey(new ECPublicKeyParameters(p, domain(q.curve())), q);
    }

    /** The point as BC's, after BC's own validation (coordinates in the field, curve equation), or null. */
    ECPoint validated(EcPoint p) {
        try {
            return domain(p.curve()).getCurve().validatePoint(p.xInt(), p.yInt());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static EcPoint point(EccCurve c, ECPoint normalized) {
        return EcPoint.of(c, normalized.getAffineXCoord().toBigInteger(), normalized.getAffineYCoord().toBigInteger());
    }
}
