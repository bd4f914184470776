package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CtrDrbgKnownAnswers;
import dev.jvtpm.engine.crypto.CryptoProvider;

/** CTR_DRBG known answers with SunJCE's AES-CTR underneath. */
class JcaCtrDrbgKatTest extends CtrDrbgKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new JcaProvider();
    }
}
