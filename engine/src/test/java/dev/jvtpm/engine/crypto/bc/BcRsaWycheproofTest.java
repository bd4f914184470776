package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.kat.RsaWycheproofContract;

class BcRsaWycheproofTest extends RsaWycheproofContract {
    private final BouncyCastleProvider provider = new BouncyCastleProvider();

    @Override
    protected CryptoProvider provider() {
        return provider;
    }
}
