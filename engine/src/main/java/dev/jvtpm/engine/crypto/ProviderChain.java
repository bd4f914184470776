package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves each primitive family once: the first provider, in chain order, that the policy allows,
 * that offers the family and whose family passes its known-answer self-test. Chain order is tier
 * order, and within a tier the order providers were given in. The result is an immutable
 * {@link CryptoSuite} shared by every TPM instance with the same configuration.
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
        return standard(List.of());
    }

    /**
     * The daemon's chain: {@code extra} (native-bridge's providers) ahead of JCA within their
     * tier, then BouncyCastle. Native providers go first because, for the families they offer
     * (RSA and ECC from OpenSSL, entropy from RDSEED), they measured faster than JCA on the
     * reference host (see benchmarks/README.md); JCA keeps the symmetric families, which no
     * native provider offers because HotSpot's intrinsics already run them on AES-NI and SHA-NI.
     */
    public static ProviderChain standard(List<CryptoProvider> extra) {
        List<CryptoProvider> all = new ArrayList<>(extra);
        all.add(new JcaProvider());
        all.add(new BouncyCastleProvider());
        return new ProviderChain(all);
    }

    public List<CryptoProvider> providers() {
        return providers;
    }

    public CryptoSuite resolve(ProviderPolicy policy) {
        List<CryptoSuite.Choice> report = new ArrayList<>();
        DigestFamily digests = pick(PrimitiveFamily.DIGEST, policy, CryptoProvider::digests, SelfTest::digests, report);
        CipherFamily ciphers = pick(PrimitiveFamily.AES, policy, CryptoProvider::ciphers, SelfTest::ciphers, report);
        EntropySource entropy = pick(PrimitiveFamily.ENTROPY, policy, CryptoProvider::entropy, SelfTest::entropy, report);
        RsaFamily rsa = pick(PrimitiveFamily.RSA, policy, CryptoProvider::rsa, SelfTest::rsa, report);
        EccFamily ecc = pick(PrimitiveFamily.ECC, policy, CryptoProvider::ecc, SelfTest::ecc, report);
        String order = providers.stream().map(CryptoProvider::name).collect(Collectors.joining(", "));
        return new CryptoSuite(digests, ciphers, entropy, rsa, ecc, report, policy.toString(), order);
    }

    private <F> F pick(PrimitiveFamily family, ProviderPolicy policy, Function<CryptoProvider, Optional<F>> get,
                       SelfTest.Check<F> test, List<CryptoSuite.Choice> report) {
        F chosen = null;
        String chosenBy = null;
        String why = null;
        List<String> others = new ArrayList<>();
        for (CryptoProvider p : providers) {
            Optional<String> unavailable = p.unavailableReason();
            // An unavailable provider that does not say what it would offer is listed everywhere.
            boolean mayOffer = p.families().contains(family) || (unavailable.isPresent() && p.families().isEmpty());
            if (!mayOffer) {
                continue;
            }
            String tier = tierName(p.tier());
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
                others.add(p.name() + " (available, later in the chain)");
                continue;
            }
            String failure = test.run(f.get());
            if (failure != null) {
                others.add(p.name() + " (self-test failed: " + failure + ")");
                continue;
            }
            chosen = f.get();
            chosenBy = p.name();
            why = "first in chain order offering it (" + tier + " tier), passed its power-on self-test";
        }
        if (chosen == null) {
            throw new IllegalStateException("no provider for " + family.label() + " under policy " + policy + ": " + others);
        }
        report.add(new CryptoSuite.Choice(family.label(), chosenBy, why, List.copyOf(others)));
        return chosen;
    }

    static String tierName(Tier t) {
        return t.name().toLowerCase().replace('_', '-');
    }
}
