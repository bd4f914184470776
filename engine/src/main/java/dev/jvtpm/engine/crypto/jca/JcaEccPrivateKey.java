package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import dev.jvtpm.engine.crypto.InvalidPointException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * An ECC private key on SunEC. ECDH returns the full point Z = d·Q although SunEC yields only
 * x(Z): with P = d·G this key's public point, x(d·(Q + G)) = x(Z + P), and only one of the two
 * points with abscissa x(Z) satisfies that. Two scalar multiplications instead of one, all secret
 * arithmetic inside SunEC.
 */
final class JcaEccPrivateKey extends JcaEccPublicKey implements EccPrivateKey {
    private final JcaEcc family;
    private final ECPrivateKey privateKey;
    private final SecureRandom random;
    private volatile boolean closed;

    JcaEccPrivateKey(JcaEcc family, ECPrivateKey privateKey, ECPublicKey publicKey, EcPoint point, SecureRandom random) {
        super(publicKey, point);
        this.family = family;
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
        try {
            Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
            s.initSign(privateKey, random);
            s.update(digest);
            return EcdsaSignature.fromP1363(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunEC signing: " + e.getMessage(), e);
        }
    }

    @Override
    public EcPoint ecdh(EcPoint peer) throws InvalidPointException {
        checkOpen();
        EccCurve c = curve();
        EccInputs.requireSameCurve(c, peer);
        BigInteger qx = peer.xInt();
        BigInteger qy = peer.yInt();
        if (!c.contains(qx, qy)) {
            throw new InvalidPointException("point is not on " + c);
        }
        BigInteger px = point.xInt();
        BigInteger py = point.yInt();
        // Q = ±G gives Z = ±P directly, and keeps the general case away from adding ±P below.
        if (qx.equals(c.gx())) {
            return qy.equals(c.gy()) ? point : EcPoint.of(c, px, c.p().subtract(py));
        }
        try {
            BigInteger zx = new BigInteger(1, JcaEcc.ecdhX(privateKey, family.publicKey(c, qx, qy)));
            BigInteger[] qg = AffinePoints.add(c, qx, qy, c.gx(), c.gy());
            BigInteger check = new BigInteger(1, JcaEcc.ecdhX(privateKey, family.publicKey(c, qg[0], qg[1])));
            BigInteger zy = AffinePoints.sqrtY(c, zx);
            if (zy == null) {
                throw new IllegalStateException("SunEC returned an x that is on no point");
            }
            BigInteger[] sum = AffinePoints.add(c, zx, zy, px, py);
            if (sum == null || !sum[0].equals(check)) {
                zy = c.p().subtract(zy);
            }
            return EcPoint.of(c, zx, zy);
        } catch (GeneralSecurityException e) {
            throw new InvalidPointException("SunEC rejected the point: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
