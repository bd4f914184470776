package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.EccFamilyContract;

class OpenSslEccTest extends EccFamilyContract {
    @Override
    protected CryptoProvider provider() {
        return OpenSslTesting.provider();
    }
}
