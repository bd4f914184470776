package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CipherKnownAnswers;
import dev.jvtpm.engine.crypto.CryptoProvider;

/** The AES known answers on BouncyCastle's pure-Java AES engine and modes. */
class BouncyCastleCipherKatTest extends CipherKnownAnswers {
    @Override
    protected CryptoProvider provider() {
        return new BouncyCastleProvider();
    }
}
