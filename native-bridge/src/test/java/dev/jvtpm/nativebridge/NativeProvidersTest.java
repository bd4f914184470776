package dev.jvtpm.nativebridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The daemon's chain on this host: OpenSSL for RSA/ECC, JCA for the symmetric families, CPU entropy where built. */
class NativeProvidersTest {
    private static Map<String, String> chosen(CryptoSuite s) {
        return s.report().stream().collect(Collectors.toMap(CryptoSuite.Choice::family, CryptoSuite.Choice::provider));
    }

    @Test
    void theFullChainPutsEachFamilyOnItsFastestProvider() {
        ProviderChain chain = NativeProviders.chain();
        CryptoSuite suite = chain.resolve(ProviderPolicy.all());
        Map<String, String> c = chosen(suite);
        assertThat(c).containsEntry("rsa", "openssl").containsEntry("ecc", "openssl")
                .containsEntry("digest+hmac", "jca").containsEntry("aes", "jca");
        assertThat(c.get("entropy")).isIn("cpu-rdseed", "cpu-rdrand", "jca");
        String report = NativeProviders.report(suite, chain);
        assertThat(report).contains("rsa").contains("openssl - first in chain order")
                .contains("jca (available, later in the chain)")
                .contains("bouncycastle (available, later in the chain)")
                .contains("cpu: ").contains("jvm: ").contains("openssl: OpenSSL 3.");
    }

    @Test
    void pureJavaPolicyUsesBouncyCastleForEverythingAndSaysWhyNotTheOthers() {
        ProviderChain chain = NativeProviders.chain();
        CryptoSuite suite = chain.resolve(ProviderPolicy.parse("pure-java"));
        assertThat(chosen(suite).values()).containsOnly("bouncycastle");
        assertThat(NativeProviders.report(suite, chain)).contains("openssl (excluded by policy)");
    }

    @Test
    void hardwarePolicyKeepsTheHardwareChoices() {
        CryptoSuite suite = NativeProviders.chain().resolve(ProviderPolicy.parse("hardware"));
        assertThat(chosen(suite)).containsEntry("rsa", "openssl").containsEntry("aes", "jca");
    }
}
