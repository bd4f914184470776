package dev.jvtpm.nativebridge.rng;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** SP 800-90B §4.4 repetition count and adaptive proportion tests. */
class HealthTestTest {
    /** The cutoffs follow from H = 8 bits per byte and α = 2^-40 by the formulas of §4.4.1 and §4.4.2. */
    @Test
    void cutoffsFollowFromTheClaimedEntropyAndFalseAlarmRate() {
        assertThat(HealthTest.RCT_CUTOFF).isEqualTo(1 + (int) Math.ceil(40.0 / 8));
        // CRITBINOM(W, p, 1 - α): the smallest c with P[X > c] ≤ α for X ~ Binomial(512, 2^-8), exactly.
        MathContext mc = new MathContext(60);
        BigDecimal p = BigDecimal.ONE.divide(BigDecimal.valueOf(256), mc);
        BigDecimal q = BigDecimal.ONE.subtract(p);
        BigDecimal alpha = BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(40)), mc);
        BigDecimal tail = BigDecimal.ONE;
        int c = -1;
        for (int k = 0; k <= HealthTest.APT_WINDOW; k++) {
            BigDecimal term = new BigDecimal(binomial(HealthTest.APT_WINDOW, k)).multiply(p.pow(k, mc), mc)
                    .multiply(q.pow(HealthTest.APT_WINDOW - k, mc), mc);
            tail = tail.subtract(term, mc);
            if (tail.compareTo(alpha) <= 0) {
                c = k;
                break;
            }
        }
        assertThat(HealthTest.APT_CUTOFF).isEqualTo(1 + c);
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    @Test
    void randomBytesPass() {
        HealthTest t = new HealthTest();
        byte[] b = new byte[1 << 20];
        new SecureRandom().nextBytes(b);
        assertThat(t.accept(b, 0, b.length)).isTrue();
        assertThat(t.failure()).isNull();
    }

    @Test
    void aStuckSourceFailsTheRepetitionCountTest() {
        HealthTest t = new HealthTest();
        byte[] b = new byte[64];
        java.util.Arrays.fill(b, (byte) 0xFF);
        assertThat(t.accept(b, 0, b.length)).isFalse();
        assertThat(t.failure()).startsWith("repetition count test");
        byte[] ok = new byte[] {1, 2, 3};
        assertThat(t.accept(ok, 0, 3)).as("failure is permanent").isFalse();
    }

    @Test
    void aBiasedSourceFailsTheAdaptiveProportionTest() {
        HealthTest t = new HealthTest();
        byte[] b = new byte[HealthTest.APT_WINDOW];
        SecureRandom r = new SecureRandom();
        r.nextBytes(b);
        // One value in a tenth of the samples, never twice in a row: only the APT can see it.
        for (int i = 0; i < b.length; i += 10) {
            b[i] = 0x42;
        }
        b[0] = 0x42;
        for (int i = 1; i < b.length; i++) {
            if (b[i] == b[i - 1]) {
                b[i] ^= 1;
            }
        }
        assertThat(t.accept(b, 0, b.length)).isFalse();
        assertThat(t.failure()).startsWith("adaptive proportion test");
    }
}
