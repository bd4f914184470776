package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.RsaFamilyContract;

class JcaRsaTest extends RsaFamilyContract {
    private final JcaProvider provider = new JcaProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
