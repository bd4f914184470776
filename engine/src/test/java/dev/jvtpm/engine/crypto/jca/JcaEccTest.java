package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.EccFamilyContract;

class JcaEccTest extends EccFamilyContract {
    private final JcaProvider provider = new JcaProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
