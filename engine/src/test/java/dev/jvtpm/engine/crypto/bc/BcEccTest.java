package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.EccFamilyContract;

class BcEccTest extends EccFamilyContract {
    private final BouncyCastleProvider provider = new BouncyCastleProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
