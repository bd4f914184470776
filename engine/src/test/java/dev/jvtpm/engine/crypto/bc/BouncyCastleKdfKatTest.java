package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.KdfKnownAnswers;
import dev.jvtpm.engine.crypto.CryptoProvider;

/** KDFa and KDFe known answers over BouncyCastle's HMac and digests. */
class BouncyCastleKdfKatTest extends KdfKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new BouncyCastleProvider();
    }
}
