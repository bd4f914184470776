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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Design "The provider chain": first allowed provider whose family passes its self-test, and a report of why. */
class ProviderChainTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_ABC =
            HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    private static final List<String> FAMILIES = List.of("digest+hmac", "aes", "entropy", "rsa", "ecc");

    /** A hardware-tier provider whose library is missing on this host; it says it would have offered ECC. */
    private static final class AbsentEccProvider implements CryptoProvider {
        @Override
        public String name() {
            return "absent";
        }

        @Override
        public Tier tier() {
            return Tier.HARDWARE;
        }

        @Override
        public Set<PrimitiveFamily> families() {
            return Set.of(PrimitiveFamily.ECC);
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("libabsent.so not found");
        }
    }

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
    void providerWhoseRsaSignaturesAreWrongIsSkippedWithTheReasonReported() {
        CryptoSuite s = new ProviderChain(List.of(new BouncyCastleProvider(), new InsecureBrokenRsaProvider()))
                .resolve(ProviderPolicy.all());
        CryptoSuite.Choice rsa = choice(s, "rsa");
        assertThat(rsa.provider()).isEqualTo("bouncycastle");
        assertThat(rsa.alternatives()).containsExactly("insecure-broken-rsa (self-test failed: RSASSA-PKCS1-v1_5 KAT mismatch)");
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
    void anUnavailableProviderThatNamesItsFamiliesIsListedOnlyForThem() {
        CryptoSuite s = ProviderChain.standard(List.of(new AbsentEccProvider())).resolve(ProviderPolicy.all());
        assertThat(choice(s, "ecc").provider()).isEqualTo("jca");
        assertThat(choice(s, "ecc").alternatives()).contains("absent (unavailable: libabsent.so not found)");
        assertThat(choice(s, "rsa").alternatives()).noneMatch(a -> a.startsWith("absent"));
        assertThat(s.chainOrder()).isEqualTo("absent, jca, bouncycastle");
    }

    @Test
    void defaultPolicyResolvesEveryFamilyToJca() {
        CryptoSuite suite = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        assertThat(suite.report()).extracting(CryptoSuite.Choice::family).containsExactlyElementsOf(FAMILIES);
        assertThat(suite.report()).allSatisfy(c -> {
            assertThat(c.provider()).isEqualTo("jca");
            assertThat(c.alternatives()).containsExactly("bouncycastle (available, later in the chain)");
        });
        assertThat(TpmConfig.builder().build().crypto().report()).extracting(CryptoSuite.Choice::provider)
                .containsOnly("jca");
    }

    @Test
    void pureJavaPolicyResolvesEveryFamilyToBouncyCastle() {
        CryptoSuite suite = ProviderChain.javaOnly().resolve(ProviderPolicy.pureJava());
        assertThat(suite.report()).hasSize(FAMILIES.size()).allSatisfy(c -> {
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
    void selfTestsPassOnBothJavaProvidersAndCatchTheBrokenOnes() {
        for (CryptoProvider p : List.of(new JcaProvider(), new BouncyCastleProvider())) {
            assertThat(SelfTest.digests(p.digests().orElseThrow())).as(p.name()).isNull();
            assertThat(SelfTest.ciphers(p.ciphers().orElseThrow())).as(p.name()).isNull();
            assertThat(SelfTest.entropy(p.entropy().orElseThrow())).as(p.name()).isNull();
            assertThat(SelfTest.rsa(p.rsa().orElseThrow())).as(p.name()).isNull();
            assertThat(SelfTest.ecc(p.ecc().orElseThrow())).as(p.name()).isNull();
        }
        assertThat(SelfTest.digests(new InsecureBrokenDigestProvider().digests().orElseThrow()))
                .isEqualTo("SHA1 KAT mismatch");
        assertThat(SelfTest.rsa(new InsecureBrokenRsaProvider().rsa().orElseThrow()))
                .isEqualTo("RSASSA-PKCS1-v1_5 KAT mismatch");
    }

    @Test
    void theReportNamesEachChoiceWithItsReasonAndTheHostFacts() {
        CryptoSuite s = ProviderChain.standard(List.of(new AbsentEccProvider())).resolve(ProviderPolicy.all());
        String text = ProviderReport.format(s, List.of("cpu: aes sha_ni"));
        assertThat(text).startsWith("crypto providers (policy [HARDWARE, HOST_TPM, PURE_JAVA]; chain order: absent, jca, bouncycastle)\n")
                .contains("  ecc          jca - first in chain order offering it (hardware tier), passed its power-on self-test\n"
                        + "                 absent (unavailable: libabsent.so not found)\n"
                        + "                 bouncycastle (available, later in the chain)\n")
                .endsWith("host\n  cpu: aes sha_ni\n");
    }

    private static CryptoSuite.Choice choice(CryptoSuite suite, String family) {
        return suite.report().stream().filter(c -> c.family().equals(family)).findFirst().orElseThrow();
    }
}
