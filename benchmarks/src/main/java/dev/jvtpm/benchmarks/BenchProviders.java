package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.nativebridge.NativeProviders;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a benchmark's {@code provider} parameter names: one provider of the chain ("jca",
 * "bouncycastle", "openssl", "cpu-rdseed", ...), or a whole resolution of it: "chain" is what the
 * daemon uses (policy all), "pure-java" what it uses under {@code --crypto-policy pure-java}.
 */
final class BenchProviders {
    private BenchProviders() {}

    static final String CHAIN = "chain";
    static final String PURE_JAVA = "pure-java";

    static ProviderChain chain() {
        return NativeProviders.chain();
    }

    static CryptoSuite suite(String name) {
        switch (name) {
            case CHAIN: return chain().resolve(ProviderPolicy.all());
            case PURE_JAVA: return chain().resolve(ProviderPolicy.pureJava());
            default: throw new IllegalArgumentException(name + " is a provider, not a resolution");
        }
    }

    /** The family from a resolution or from the named provider; fails when that provider cannot serve here. */
    static <F> F family(String name, Function<CryptoSuite, F> fromSuite, Function<CryptoProvider, Optional<F>> fromProvider) {
        if (name.equals(CHAIN) || name.equals(PURE_JAVA)) {
            return fromSuite.apply(suite(name));
        }
        for (CryptoProvider p : chain().providers()) {
            if (p.name().equals(name)) {
                if (p.unavailableReason().isPresent()) {
                    throw new IllegalStateException(name + " unavailable: " + p.unavailableReason().get());
                }
                return fromProvider.apply(p).orElseThrow(() -> new IllegalStateException(name + " lacks this family"));
            }
        }
        throw new IllegalArgumentException("no provider named " + name);
    }
}
