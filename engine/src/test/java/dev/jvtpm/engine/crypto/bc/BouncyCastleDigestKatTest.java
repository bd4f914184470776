package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.DigestKnownAnswers;

/** The SHA and HMAC known answers on BouncyCastle's pure-Java digests and HMac. */
class BouncyCastleDigestKatTest extends DigestKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new BouncyCastleProvider();
    }
}
