package dev.jvtpm.nativebridge.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.command.object.CreatePrimaryKnownAnswers;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.nativebridge.NativeProviders;
import org.junit.jupiter.api.Test;

/**
 * swtpm's primaries (RSA derivation with its prime sieve, ECC, keyed-hash, symmetric) come out
 * bit for bit the same when OpenSSL does the RSA and ECC arithmetic, as in the daemon's default
 * chain.
 */
class OpenSslCreatePrimaryKatTest extends CreatePrimaryKnownAnswers {
    @Override
    protected CryptoSuite suite() {
        OpenSslTesting.provider();
        CryptoSuite suite = NativeProviders.chain().resolve(ProviderPolicy.all());
        assertThat(suite.report()).anySatisfy(c -> {
            assertThat(c.family()).isEqualTo("rsa");
            assertThat(c.provider()).isEqualTo("openssl");
        }).anySatisfy(c -> {
            assertThat(c.family()).isEqualTo("ecc");
            assertThat(c.provider()).isEqualTo("openssl");
        });
        return suite;
    }

    @Test
    void everyPrimary() throws Exception {
        everyPrimaryIsSwtpms();
    }
}
