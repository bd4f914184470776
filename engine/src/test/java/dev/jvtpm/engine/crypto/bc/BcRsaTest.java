package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.RsaFamilyContract;

class BcRsaTest extends RsaFamilyContract {
    private final BouncyCastleProvider provider = new BouncyCastleProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
