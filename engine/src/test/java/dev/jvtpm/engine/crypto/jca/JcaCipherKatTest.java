package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CipherKnownAnswers;
import dev.jvtpm.engine.crypto.CryptoProvider;

/** The AES known answers on SunJCE (AES-NI, CTR and GHASH intrinsics when HotSpot enables them). */
class JcaCipherKatTest extends CipherKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new JcaProvider();
    }
}
