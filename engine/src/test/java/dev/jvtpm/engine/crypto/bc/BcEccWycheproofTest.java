package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.kat.EccWycheproofContract;

class BcEccWycheproofTest extends EccWycheproofContract {
    private final BouncyCastleProvider provider = new BouncyCastleProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
