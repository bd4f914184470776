package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import java.util.List;

/** JCA and BouncyCastle against each other; native-bridge adds OpenSSL to the same contract. */
class JavaProvidersCrossTest extends CrossProviderContract {
    @Override
    protected List<CryptoProvider> providers() {
        return List.of(new JcaProvider(), new BouncyCastleProvider());
    }
}
