package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.RsaFamilyContract;

class OpenSslRsaTest extends RsaFamilyContract {
    @Override
    protected CryptoProvider provider() {
        return OpenSslTesting.provider();
    }
}
