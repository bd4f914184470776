package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CtrDrbgKnownAnswers;
import dev.jvtpm.engine.crypto.CryptoProvider;

/** CTR_DRBG known answers with BouncyCastle's AES-CTR (SIC) underneath. */
class BouncyCastleCtrDrbgKatTest extends CtrDrbgKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new BouncyCastleProvider();
    }
}
