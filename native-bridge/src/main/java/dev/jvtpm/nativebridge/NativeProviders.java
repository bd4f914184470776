package dev.jvtpm.nativebridge;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EntropySource;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderReport;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import dev.jvtpm.nativebridge.openssl.OpenSslProvider;
import dev.jvtpm.nativebridge.rng.CpuEntropyProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's entry point to native providers: {@code ProviderChain.standard(NativeProviders.all())}
 * is the full chain, and {@link #report} the text of {@code jvtpm providers}.
 */
public final class NativeProviders {
    private NativeProviders() {}

    /**
     * CPU entropy (falling back to the OS source) and OpenSSL, in chain order; each reports
     * itself unavailable rather than failing when this host lacks it.
     */
    public static List<CryptoProvider> all() {
        EntropySource os = new JcaProvider().entropy().orElseThrow();
        return List.of(new CpuEntropyProvider(os), new OpenSslProvider());
    }

    /** The full chain: native providers, JCA, BouncyCastle. */
    public static ProviderChain chain() {
        return ProviderChain.standard(all());
    }

    /** The providers report for a suite resolved from {@code chain}, with what this host has. */
    public static String report(CryptoSuite suite, ProviderChain chain) {
        return ProviderReport.format(suite, hostFacts(chain));
    }

    public static List<String> hostFacts(ProviderChain chain) {
        List<String> facts = new ArrayList<>();
        facts.add("cpu: " + CpuFeatures.detect().summary());
        facts.add("jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; " + JvmIntrinsics.summary());
        for (CryptoProvider p : chain.providers()) {
            if (p instanceof OpenSslProvider) {
                facts.add("openssl: " + ((OpenSslProvider) p).version().orElse("not loaded"));
            }
            if (p instanceof CpuEntropyProvider) {
                facts.add("cpu entropy: " + ((CpuEntropyProvider) p).source().map(s -> s.status())
                        .orElse("unavailable: " + p.unavailableReason().orElse("?")));
            }
        }
        return facts;
    }
}
