package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.CtrDrbg;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The TPM's CTR_DRBG generating 32 bytes (TPM2_GetRandom, nonces), on each provider's AES. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DrbgBench {
    @Param({"jca", "bouncycastle"})
    public String provider;

    private CtrDrbg drbg;
    private final byte[] out = new byte[32];

    @Setup
    public void setup() {
        CipherFamily aes = BenchProviders.family(provider, CryptoSuite::ciphers, CryptoProvider::ciphers);
        byte[] seed = new byte[CtrDrbg.SEED_LEN];
        new SecureRandom().nextBytes(seed);
        drbg = CtrDrbg.fromSeed(aes, seed, null);
    }

    @Benchmark
    public byte[] generate32() {
        drbg.generate(out);
        return out;
    }
}
