package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.KdfKnownAnswers;
import dev.jvtpm.engine.crypto.CryptoProvider;

/** KDFa and KDFe known answers over the JDK's HMAC and SHA. */
class JcaKdfKatTest extends KdfKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new JcaProvider();
    }
}
