package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import dev.jvtpm.engine.crypto.InvalidPointException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/** An ECC private key on BouncyCastle. */
final class BcEccPrivateKey extends BcEccPublicKey implements EccPrivateKey {
    private final ECPrivateKeyParameters privateKey;
    private final SecureRandom random;
    private volatile boolean closed;

    BcEccPrivateKey(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey, EcPoint point, SecureRandom random) {
        super(publicKey, point);
        this.privateKey = privateKey;
        this.random = random;
    }

    @Override
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("ECC key closed");
        }
    }

    @Override
    public EcdsaSignature signEcdsa(byte[] digest) {
        checkOpen();
        EccInputs.requireDigest(digest);
        ECDSASigner s = new ECDSASigner();
        s.init(true, new ParametersWithRandom(privateKey, random));
        BigInteger[] rs = s.generateSignature(digest);
        return EcdsaSignature.of(curve(), rs[0], rs[1]);
    }

    /** What ECDHBasicAgreement does, keeping y: validate Q, multiply, refuse infinity. */
    @Override
    public EcPoint ecdh(EcPoint peer) throws InvalidPointException {
        checkOpen();
        EccInputs.requireSameCurve(curve(), peer);
        ECPoint q;
        try {
            q = privateKey.getParameters().getCurve().validatePoint(peer.xInt(), peer.yInt());
        } catch (IllegalArgumentException e) {
            throw new InvalidPointException("point is not on " + curve());
        }
        ECPoint z = q.multiply(privateKey.getD()).normalize();
        if (z.isInfinity()) {
            throw new InvalidPointException("ECDH result is the point at infinity");
        }
        return BcEcc.point(curve(), z);
    }

    @Override
    public void close() {
        closed = true;
    }
}
