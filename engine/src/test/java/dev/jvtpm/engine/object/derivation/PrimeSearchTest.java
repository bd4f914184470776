package dev.jvtpm.engine.object.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The pieces of the reference RSA prime search (FIPS 186-5 §A.1.3 / B.3, as libtpms runs it):
 * prime table, sieve, candidate adjustment, Miller-Rabin, and whole keys from a seeded DRBG.
 */
class PrimeSearchTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());

    static SeededDrbg drbg(String what) {
        return SeededDrbg.instantiate(SUITE.ciphers(), what.getBytes(), null, null, null);
    }

    @Test
    void primeTableHoldsTheOddPrimesUpTo65537() {
        byte[] t = SmallPrimes.table();
        assertThat(PrimeSieve.bitCount(t)).isEqualTo(SmallPrimes.COUNT);
        // The reference's s_PrimeTable starts 6e cb b4 64 9a 12 6d 81 (3,5,7,11,13,17,19,23,...).
        assertThat(HexFormat.of().formatHex(t, 0, 8)).isEqualTo("6ecbb4649a126d81");
        assertThat(SmallPrimes.isOddPrimeIndex(65537 >> 1)).isTrue();
        assertThat(SmallPrimes.isOddPrimeIndex(65539 >> 1)).isFalse();
    }

    @Test
    void isPrimeIntMatchesTheReferenceIncludingItsSquareRootBoundary() {
        assertThat(SmallPrimes.isPrimeInt(65537)).isTrue();
        assertThat(SmallPrimes.isPrimeInt(65539)).isTrue();
        assertThat(SmallPrimes.isPrimeInt(65541)).isFalse();
        assertThat(SmallPrimes.isPrimeInt(4294967291L)).isTrue();
        assertThat(SmallPrimes.isPrimeInt(4294967295L)).isFalse();
        // 257² passes: the reference stops trial division just below ⌈√n⌉.
        assertThat(SmallPrimes.isPrimeInt(66049)).isTrue();
        assertThat(SmallPrimes.isPrimeInt(66049 + 2 * 257)).isFalse();
        for (long n = 2; n < 200_000; n += 7919) {
            long r = SmallPrimes.root2(n);
            assertThat(n / r).isLessThanOrEqualTo(r);
            assertThat(n / (r + 1)).isLessThan(r);
        }
    }

    @Test
    void sieveKeepsExactlyTheCandidatesFreeOfSievedPrimes() {
        BigInteger n = drbg("sieve").bits(1024).setBit(1023).setBit(0);
        int limit = PrimeSieve.primeLimit(1024);
        assertThat(limit).isEqualTo(38891 >> 1);
        byte[] field = new byte[PrimeSieve.FIELD_BYTES];
        BigInteger base = PrimeSieve.sieve(n, field, limit);
        assertThat(base.mod(BigInteger.valueOf(210))).isEqualTo(BigInteger.valueOf(105));
        assertThat(n.subtract(base).intValue()).isBetween(0, 209);
        for (int j = 0; j < 2000; j++) {
            BigInteger c = base.add(BigInteger.valueOf(2L * j));
            boolean kept = (field[j >> 3] & (1 << (j & 7))) != 0;
            boolean hasSmallFactor = false;
            for (int p = 3; p <= 38891; p += 2) {
                if (SmallPrimes.isPrimeInt(p) && c.mod(BigInteger.valueOf(p)).signum() == 0) {
                    hasSmallFactor = true;
                    break;
                }
            }
            assertThat(kept).as("bit %d", j).isEqualTo(!hasSmallFactor);
        }
        assertThat(PrimeSieve.primeLimit(512)).isEqualTo(8167 >> 1);
        assertThat(PrimeSieve.primeLimit(1536)).isEqualTo(65535 >> 1);
    }

    @Test
    void nthSetBitCountsFromTheLeastSignificantBit() {
        byte[] f = {0b0000_0110, 0, (byte) 0b1000_0001};
        assertThat(PrimeSieve.nthSetBit(f, 1)).isEqualTo(1);
        assertThat(PrimeSieve.nthSetBit(f, 2)).isEqualTo(2);
        assertThat(PrimeSieve.nthSetBit(f, 3)).isEqualTo(16);
        assertThat(PrimeSieve.nthSetBit(f, 4)).isEqualTo(23);
        assertThat(PrimeSieve.nthSetBit(f, 5)).isEqualTo(-1);
    }

    @Test
    void candidatesAreLiftedAboveRoot2Over2AndMadeOdd() {
        SeededDrbg rng = drbg("adjust");
        BigInteger threshold = BigInteger.valueOf(0xB504F333L).shiftLeft(1024 - 32);
        for (int i = 0; i < 50; i++) {
            BigInteger c = rng.bits(1024);
            BigInteger a = ReferenceRsaKeyGenerator.adjust(c);
            assertThat(a.bitLength()).isEqualTo(1024);
            assertThat(a.testBit(0)).isTrue();
            assertThat(a).isGreaterThan(threshold);
            BigInteger low = BigInteger.ONE.shiftLeft(1024 - 32);
            assertThat(a.mod(low).clearBit(0)).isEqualTo(c.mod(low).clearBit(0));
            assertThat(a.multiply(a).bitLength()).isEqualTo(2048);
        }
    }

    @Test
    void millerRabinRoundsAndVerdicts() {
        assertThat(MillerRabin.rounds(510)).isEqualTo(8);
        assertThat(MillerRabin.rounds(1024)).isEqualTo(5);
        assertThat(MillerRabin.rounds(1535)).isEqualTo(5);
        assertThat(MillerRabin.rounds(1536)).isEqualTo(4);
        SeededDrbg rng = drbg("mr");
        assertThat(MillerRabin.probablyPrime(BigInteger.TWO.pow(127).subtract(BigInteger.ONE), rng)).isTrue();
        assertThat(MillerRabin.probablyPrime(BigInteger.TWO.pow(521).subtract(BigInteger.ONE), rng)).isTrue();
        assertThat(MillerRabin.probablyPrime(BigInteger.valueOf(561), rng)).isFalse(); // Carmichael
        BigInteger p = BigInteger.TWO.pow(127).subtract(BigInteger.ONE);
        assertThat(MillerRabin.probablyPrime(p.multiply(BigInteger.TWO.pow(89).subtract(BigInteger.ONE)), rng)).isFalse();
    }

    @Test
    void keysFromASeededDrbgHaveTheRequiredShapeAndRepeat() throws Exception {
        ReferenceRsaKeyGenerator g = new ReferenceRsaKeyGenerator();
        RsaKeyPair k = g.generate(1024, 65537, drbg("key"), false);
        assertThat(k.modulus().bitLength()).isEqualTo(1024);
        assertThat(k.p().multiply(k.q())).isEqualTo(k.modulus());
        assertThat(k.p().isProbablePrime(80)).isTrue();
        assertThat(k.q().isProbablePrime(80)).isTrue();
        assertThat(k.p().subtract(k.q()).abs().bitLength()).isGreaterThan(100);
        BigInteger e = BigInteger.valueOf(65537);
        assertThat(k.p().mod(e).intValue()).isGreaterThan(1);
        assertThat(k.q().mod(e).intValue()).isGreaterThan(1);
        assertThat(g.generate(1024, 65537, drbg("key"), false)).isEqualTo(k);
        assertThat(g.generate(1024, 65537, drbg("key2"), false).modulus()).isNotEqualTo(k.modulus());
    }

    @Test
    void aCompositeExponentTheReferenceLetsThroughStillYieldsAUsableKey() throws Exception {
        RsaKeyPair k = new ReferenceRsaKeyGenerator().generate(1024, 66049, drbg("e=257^2"), true);
        BigInteger phi = k.p().subtract(BigInteger.ONE).multiply(k.q().subtract(BigInteger.ONE));
        assertThat(BigInteger.valueOf(66049).gcd(phi)).isEqualTo(BigInteger.ONE);
    }

    @Test
    void seededDrbgIsAFunctionOfItsInputs() {
        byte[] a = SeededDrbg.instantiate(SUITE.ciphers(), new byte[] {1}, new byte[] {2}, new byte[] {3}, null).bytes(64);
        byte[] b = SeededDrbg.instantiate(SUITE.ciphers(), new byte[] {1}, new byte[] {2}, new byte[] {3}, null).bytes(64);
        byte[] c = SeededDrbg.instantiate(SUITE.ciphers(), new byte[] {1}, new byte[] {2}, new byte[] {4}, null).bytes(64);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        SeededDrbg stirred = SeededDrbg.instantiate(SUITE.ciphers(), new byte[] {1}, new byte[] {2}, new byte[] {3}, null);
        stirred.stir(new byte[] {9});
        assertThat(stirred.bytes(64)).isNotEqualTo(a);
    }
}
