package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.kat.EccWycheproofContract;

class OpenSslEccWycheproofTest extends EccWycheproofContract {
    @Override
    protected CryptoProvider provider() {
        return OpenSslTesting.provider();
    }
}
