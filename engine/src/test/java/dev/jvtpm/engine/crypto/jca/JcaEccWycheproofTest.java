package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.kat.EccWycheproofContract;

class JcaEccWycheproofTest extends EccWycheproofContract {
    private final JcaProvider provider = new JcaProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
