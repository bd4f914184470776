package dev.jvtpm.nativebridge.rng;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.EntropySource;
import dev.jvtpm.engine.crypto.PrimitiveFamily;
import dev.jvtpm.engine.crypto.Tier;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU's entropy instructions as the DRBG's entropy source: RDSEED when the CPU has it (a
 * conditioned entropy source, SP 800-90B/C), else RDRAND (a DRBG reseeded by that source).
 * Unavailable when the shim was not built, the CPU has neither instruction, or the start-up health
 * test failed.
 */
public final class CpuEntropyProvider implements CryptoProvider {
    /** RDSEED may underflow under contention: Intel's guide suggests retrying with PAUSE. */
    static final int RDSEED_RETRIES = 1024;
    /** RDRAND failing 10 times in a row means a hardware fault (Intel's DRNG software implementation guide). */
    static final int RDRAND_RETRIES = 10;

    private final String unavailable;
    private final CpuEntropySource source;

    /** @param fallback the operating system's source, used whenever the CPU cannot serve */
    public CpuEntropyProvider(EntropySource fallback) {
        String reason = RngShim.unavailableReason();
        CpuEntropySource s = null;
        if (reason == null) {
            int f = RngShim.features();
            RawSource raw = (f & RngShim.RDSEED) != 0 ? rdseed() : (f & RngShim.RDRAND) != 0 ? rdrand() : null;
            if (raw == null) {
                reason = "the CPU has neither RDSEED nor RDRAND";
            } else {
                s = new CpuEntropySource(raw, fallback);
                if (s.failure() != null) {
                    reason = s.failure();
                    s = null;
                }
            }
        }
        this.unavailable = reason;
        this.source = s;
    }

    private static RawSource rdseed() {
        return new RawSource() {
            @Override
            public String instruction() {
                return "rdseed";
            }

            @Override
            public int read(long[] words) {
                return RngShim.jvtpm_rdseed64(words, words.length, RDSEED_RETRIES);
            }
        };
    }

    private static RawSource rdrand() {
        return new RawSource() {
            @Override
            public String instruction() {
                return "rdrand";
            }

            @Override
            public int read(long[] words) {
                return RngShim.jvtpm_rdrand64(words, words.length, RDRAND_RETRIES);
            }
        };
    }

    /** "cpu-rdseed", "cpu-rdrand", or "cpu" when neither serves. */
    @Override
    public String name() {
        return source == null ? "cpu" : "cpu-" + source.instruction();
    }

    @Override
    public Tier tier() {
        return Tier.HARDWARE;
    }

    @Override
    public Set<PrimitiveFamily> families() {
        return Set.of(PrimitiveFamily.ENTROPY);
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public Optional<EntropySource> entropy() {
        return Optional.ofNullable(source);
    }

    /** The live source, for status reporting. */
    public Optional<CpuEntropySource> source() {
        return Optional.ofNullable(source);
    }
}
