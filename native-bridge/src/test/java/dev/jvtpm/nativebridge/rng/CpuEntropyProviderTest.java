package dev.jvtpm.nativebridge.rng;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.EntropySource;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import dev.jvtpm.nativebridge.CpuFeatures;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real instruction on this host. Where the shim was built and the CPU has RDSEED or RDRAND the
 * provider must serve; otherwise it must say exactly why not. Either way the answer is checked.
 */
class CpuEntropyProviderTest {
    private final CpuEntropyProvider provider = new CpuEntropyProvider(new JcaProvider().entropy().orElseThrow());

    @Test
    void servesWhereBuiltAndSupportedElseSaysWhy() {
        CpuFeatures cpu = CpuFeatures.detect();
        boolean built = CpuEntropyProvider.class.getResource(RngShim.RESOURCE) != null;
        if (built && (cpu.has("rdseed") || cpu.has("rdrand"))) {
            assertThat(provider.unavailableReason()).isEmpty();
            assertThat(provider.name()).isEqualTo(cpu.has("rdseed") ? "cpu-rdseed" : "cpu-rdrand");
            assertThat(RngShim.features() & RngShim.RDSEED).as("CPUID agrees with /proc/cpuinfo")
                    .isEqualTo(cpu.has("rdseed") ? RngShim.RDSEED : 0);
        } else if (!built) {
            assertThat(provider.unavailableReason()).hasValueSatisfying(r -> assertThat(r).startsWith("not built"));
            assertThat(provider.entropy()).isEmpty();
        } else {
            assertThat(provider.unavailableReason()).hasValue("the CPU has neither RDSEED nor RDRAND");
        }
    }

    @Test
    void drawsNeverRepeatAndPassTheHealthTests() {
        if (provider.entropy().isEmpty()) {
            assertThat(provider.unavailableReason()).isPresent();
            return;
        }
        EntropySource e = provider.entropy().get();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[48];
            e.fill(b);
            assertThat(seen.add(HexFormat.of().formatHex(b))).isTrue();
        }
        assertThat(provider.source().orElseThrow().failure()).isNull();
        assertThat(provider.source().orElseThrow().status()).contains("healthy");
    }
}
