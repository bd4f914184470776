package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.CrossProviderContract;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import java.util.List;

/** OpenSSL, JCA and BouncyCastle against one another: every pair, both directions. */
class AllProvidersCrossTest extends CrossProviderContract {
    @Override
    protected List<CryptoProvider> providers() {
        return List.of(OpenSslTesting.provider(), new JcaProvider(), new BouncyCastleProvider());
    }
}
