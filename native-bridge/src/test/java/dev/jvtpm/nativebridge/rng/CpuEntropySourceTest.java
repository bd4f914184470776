package dev.jvtpm.nativebridge.rng;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.EntropySource;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Fallback behaviour, with stand-ins for the instruction (a CPU cannot be made to fail on demand). */
class CpuEntropySourceTest {
    /** The OS source stand-in: counts what it served. */
    private static final class Os implements EntropySource {
        int requests;
        private final SecureRandom r = new SecureRandom();

        @Override
        public void fill(byte[] out) {
            requests++;
            r.nextBytes(out);
        }
    }

    private static RawSource words(java.util.function.LongSupplier next, int[] failFrom) {
        return new RawSource() {
            int calls;

            @Override
            public String instruction() {
                return "rdseed";
            }

            @Override
            public int read(long[] w) {
                calls++;
                if (failFrom[0] > 0 && calls >= failFrom[0]) {
                    return w.length / 2;
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] = next.getAsLong();
                }
                return w.length;
            }
        };
    }

    @Test
    void aHealthySourceServesEveryRequest() {
        SecureRandom r = new SecureRandom();
        Os os = new Os();
        CpuEntropySource s = new CpuEntropySource(words(r::nextLong, new int[] {0}), os);
        byte[] a = new byte[48];
        byte[] b = new byte[48];
        s.fill(a);
        s.fill(b);
        assertThat(a).isNotEqualTo(b);
        assertThat(os.requests).isZero();
        assertThat(s.failure()).isNull();
        assertThat(s.status()).contains("healthy").contains("96 bytes");
    }

    @Test
    void aSourceStuckAtStartIsRefused() {
        CpuEntropySource s = new CpuEntropySource(words(() -> -1L, new int[] {0}), new Os());
        assertThat(s.failure()).contains("health test").contains("repetition count");
    }

    @Test
    void aSourceThatSticksLaterHandsOverToTheOsForGood() {
        long[] counter = {0};
        SecureRandom r = new SecureRandom();
        Os os = new Os();
        CpuEntropySource s = new CpuEntropySource(words(() -> counter[0]++ < 200 ? r.nextLong() : 0L, new int[] {0}), os);
        assertThat(s.failure()).isNull();
        byte[] out = new byte[48];
        for (int i = 0; i < 20; i++) {
            s.fill(out);
        }
        assertThat(s.failure()).contains("health test");
        assertThat(os.requests).isGreaterThan(0);
        int before = os.requests;
        s.fill(out);
        assertThat(os.requests).isEqualTo(before + 1);
        assertThat(out).as("what the OS gave, not zeros").isNotEqualTo(new byte[48]);
    }

    @Test
    void retryExhaustionPassesOneRequestToTheOsWithoutGivingUp() {
        SecureRandom r = new SecureRandom();
        Os os = new Os();
        int[] failFrom = {0};
        CpuEntropySource s = new CpuEntropySource(words(r::nextLong, failFrom), os);
        failFrom[0] = 2;
        byte[] out = new byte[48];
        s.fill(out);
        assertThat(os.requests).isEqualTo(1);
        assertThat(s.failure()).isNull();
        assertThat(Arrays.equals(out, new byte[48])).isFalse();
    }
}
