package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/** An ECC public key on SunEC. */
class JcaEccPublicKey implements EccPublicKey {
    final ECPublicKey publicKey;
    final EcPoint point;

    JcaEccPublicKey(ECPublicKey publicKey, EcPoint point) {
        this.publicKey = publicKey;
        this.point = point;
    }

    @Override
    public EcPoint point() {
        return point;
    }

    void checkOpen() {
    }

    @Override
    public boolean verifyEcdsa(byte[] digest, EcdsaSignature signature) {
        checkOpen();
        EccInputs.requireDigest(digest);
        if (!signature.inRange(curve())) {
            return false;
        }
        boolean ok;
        try {
            Signature v = Signature.getInstance("NONEwithECDSAinP1363Format");
            v.initVerify(publicKey);
            v.update(digest);
            ok = v.verify(signature.toP1363(curve()));
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        BigInteger r = signature.rInt();
        if (!ok && r.add(curve().n()).compareTo(curve().p()) < 0) {
            return AffinePoints.verifyEcdsa(curve(), point.xInt(), point.yInt(),
                    EccInputs.digestInteger(curve(), digest), r, signature.sInt());
        }
        return ok;
    }
}
