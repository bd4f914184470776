package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.kat.RsaWycheproofContract;

class OpenSslRsaWycheproofTest extends RsaWycheproofContract {
    @Override
    protected CryptoProvider provider() {
        return OpenSslTesting.provider();
    }
}
