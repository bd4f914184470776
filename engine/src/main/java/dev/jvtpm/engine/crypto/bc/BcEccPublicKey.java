package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/** An ECC public key on BouncyCastle. */
class BcEccPublicKey implements EccPublicKey {
    final ECPublicKeyParameters publicKey;
    final EcPoint point;

    BcEccPublicKey(ECPublicKeyParameters publicKey, EcPoint point) {
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
        ECDSASigner v = new ECDSASigner();
        v.init(false, publicKey);
        return v.verifySignature(digest, signature.rInt(), signature.sInt());
    }
}
