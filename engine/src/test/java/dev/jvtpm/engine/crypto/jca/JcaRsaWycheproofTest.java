package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.kat.RsaWycheproofContract;

class JcaRsaWycheproofTest extends RsaWycheproofContract {
    private final JcaProvider provider = new JcaProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
