package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.DigestKnownAnswers;

/** The SHA and HMAC known answers on the JDK's SUN and SunJCE providers (SHA-NI intrinsics when enabled). */
class JcaDigestKatTest extends DigestKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new JcaProvider();
    }
}
