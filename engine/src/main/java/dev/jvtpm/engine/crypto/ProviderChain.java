package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves each primitive family once: the first provider, in tier order, that the policy allows,
 * that offers the family and whose family passes its known-answer self-test. The result is an
 * immutable {@link CryptoSuite} shared by every TPM instance with the same configuration.
 */
public final class ProviderChain {
    private final List<CryptoProvider> providers;

    public ProviderChain(List<CryptoProvider> providers) {
        List<CryptoProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(CryptoProvider::tier));
        this.providers = List.copyOf(sorted);
    }

    /** JCA then BouncyCastle: what the engine has without native-bridge. */
    public static ProviderChain javaOnly() {
        return new ProviderChain(List.of(new JcaProvider(), new BouncyCastleProvider()));
    }

    public List<CryptoProvider> providers() {
        return providers;
    }

    public CryptoSuite resolve(ProviderPolicy policy) {
        List<CryptoSuite.Choice> report = new ArrayList<>();
        DigestFamily digests = pick("digest+hmac", policy, CryptoProvider::digests, SelfTest::digests, report);
        CipherFamily ciphers = pick("aes", policy, CryptoProvider::ciphers, SelfTest::ciphers, report);
        EntropySource entropy = pick("entropy", policy, CryptoProvider::entropy, SelfTest::entropy, report);
        RsaFamily rsa = pick("rsa", policy, CryptoProvider::rsa, SelfTest::rsa, report);
        EccFamily ecc = pick("ecc", policy, CryptoProvider::ecc, SelfTest::ecc, report);
        return new CryptoSuite(digests, ciphers, entropy, rsa, ecc, report);
    }

    private <F> F pick(String family, ProviderPolicy policy, Function<CryptoProvider, Optional<F>> get,
                       SelfTest.Check<F> test, List<CryptoSuite.Choice> report) {
        F chosen = null;
        String chosenBy = null;
        String why = null;
        List<String> others = new ArrayList<>();
        for (CryptoProvider p : providers) {
            Optional<String> unavailable = p.unavailableReason();
            if (unavailable.isPresent()) {
                others.add(p.name() + " (unavailable: " + unavailable.get() + ")");
                continue;
            }
            Optional<F> f = get.apply(p);
            if (f.isEmpty()) {
                continue;
            }
            if (!policy.allows(p.tier())) {
                others.add(p.name() + " (excluded by policy)");
                continue;
            }
            if (chosen != null) {
                others.add(p.name());
                continue;
            }
            String failure = test.run(f.get());
            if (failure != null) {
                others.add(p.name() + " (self-test failed: " + failure + ")");
                continue;
            }
            chosen = f.get();
            chosenBy = p.name();
            why = "first " + p.tier().name().toLowerCase().replace('_', '-') + " provider passing its self-test";
        }
        if (chosen == null) {
            throw new IllegalStateException("no provider for " + family + " under policy " + policy + ": " + others);
        }
        report.add(new CryptoSuite.Choice(family, chosenBy, why, List.copyOf(others)));
        return chosen;
    }
}
