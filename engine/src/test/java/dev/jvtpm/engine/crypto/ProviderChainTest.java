package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import dev.jvtpm.engine.types.HashAlg;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Design "The provider chain": first allowed provider whose family passes its self-test, and a report of why. */
class ProviderChainTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_ABC =
            HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    @Test
    void providerWhoseDigestsGiveWrongBytesIsSkippedWithTheReasonReported() {
        ProviderChain chain = new ProviderChain(
                List.of(new InsecureBrokenDigestProvider(), new JcaProvider(), new BouncyCastleProvider()));
        CryptoSuite suite = chain.resolve(ProviderPolicy.all());

        CryptoSuite.Choice digest = choice(suite, "digest+hmac");
        assertThat(digest.provider()).isEqualTo("jca");
        assertThat(digest.alternatives()).contains("insecure-broken-digest (self-test failed: SHA1 KAT mismatch)");
        assertThat(suite.hash(HashAlg.SHA256, ABC)).isEqualTo(SHA256_ABC);
        assertThat(choice(suite, "aes").alternatives()).noneMatch(a -> a.startsWith("insecure-broken-digest"));
    }

    @Test
    void brokenHardwareProviderFallsBackToPureJava() {
        CryptoSuite suite = new ProviderChain(List.of(new BouncyCastleProvider(), new InsecureBrokenDigestProvider()))
                .resolve(ProviderPolicy.all());
        assertThat(choice(suite, "digest+hmac").provider()).isEqualTo("bouncycastle");
        assertThat(suite.hash(HashAlg.SHA256, ABC)).isEqualTo(SHA256_ABC);
    }

    @Test
    void noPassingProviderIsAnErrorThatNamesTheFailure() {
        ProviderChain chain = new ProviderChain(List.of(new InsecureBrokenDigestProvider()));
        assertThatThrownBy(() -> chain.resolve(ProviderPolicy.all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("digest+hmac")
                .hasMessageContaining("insecure-broken-digest (self-test failed: SHA1 KAT mismatch)");
    }

    @Test
    void unavailableProviderIsReportedAndPassedOver() {
        CryptoProvider missing = new CryptoProvider() {
            @Override
            public String name() {
                return "absent-offload";
            }

            @Override
            public Tier tier() {
                return Tier.HARDWARE;
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of("libcrypto not found");
            }
        };
        CryptoSuite suite = new ProviderChain(List.of(missing, new JcaProvider())).resolve(ProviderPolicy.all());
        assertThat(choice(suite, "aes").provider()).isEqualTo("jca");
        assertThat(choice(suite, "aes").alternatives()).contains("absent-offload (unavailable: libcrypto not found)");
    }

    @Test
    void defaultPolicyResolvesEveryFamilyToJca() {
        CryptoSuite suite = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        assertThat(suite.report()).extracting(CryptoSuite.Choice::family)
                .containsExactly("digest+hmac", "aes", "entropy");
        assertThat(suite.report()).allSatisfy(c -> {
            assertThat(c.provider()).isEqualTo("jca");
            assertThat(c.alternatives()).containsExactly("bouncycastle");
        });
        assertThat(TpmConfig.builder().build().crypto().report()).extracting(CryptoSuite.Choice::provider)
                .containsOnly("jca");
    }

    @Test
    void pureJavaPolicyResolvesEveryFamilyToBouncyCastle() {
        CryptoSuite suite = ProviderChain.javaOnly().resolve(ProviderPolicy.pureJava());
        assertThat(suite.report()).hasSize(3).allSatisfy(c -> {
            assertThat(c.provider()).isEqualTo("bouncycastle");
            assertThat(c.alternatives()).containsExactly("jca (excluded by policy)");
        });
        assertThat(suite.hash(HashAlg.SHA256, ABC)).isEqualTo(SHA256_ABC);
        assertThat(ProviderPolicy.parse("pure-java").allows(Tier.HARDWARE)).isFalse();
        assertThat(ProviderPolicy.parse("hardware").allows(Tier.HOST_TPM)).isFalse();
        assertThat(ProviderPolicy.parse("hardware").allows(Tier.PURE_JAVA)).isTrue();
        assertThatThrownBy(() -> ProviderPolicy.parse("fastest")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selfTestsPassOnBothJavaProvidersAndCatchTheBrokenOne() {
        for (CryptoProvider p : List.of(new JcaProvider(), new BouncyCastleProvider())) {
            assertThat(SelfTest.digests(p.digests().orElseThrow())).as(p.name()).isNull();
            assertThat(SelfTest.ciphers(p.ciphers().orElseThrow())).as(p.name()).isNull();
            assertThat(SelfTest.entropy(p.entropy().orElseThrow())).as(p.name()).isNull();
        }
        assertThat(SelfTest.digests(new InsecureBrokenDigestProvider().digests().orElseThrow()))
                .isEqualTo("SHA1 KAT mismatch");
    }

    private static CryptoSuite.Choice choice(CryptoSuite suite, String family) {
        return suite.report().stream().filter(c -> c.family().equals(family)).findFirst().orElseThrow();
    }
}
