package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EntropySource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** 48 bytes of DRBG seed material (CTR_DRBG's seedlen): the OS source (jca) against RDSEED. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EntropyBench {
    @Param({"jca", "cpu-rdseed"})
    public String provider;

    private EntropySource source;
    private final byte[] out = new byte[48];

    @Setup
    public void setup() {
        source = BenchProviders.family(provider, CryptoSuite::entropy, CryptoProvider::entropy);
    }

    @Benchmark
    public byte[] seed48() {
        source.fill(out);
        return out;
    }
}
