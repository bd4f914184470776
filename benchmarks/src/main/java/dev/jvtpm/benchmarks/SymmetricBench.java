package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.types.HashAlg;
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

/**
 * The symmetric hot paths of a TPM: AES-128-CFB over 1 KiB (parameter encryption), AES-256-GCM
 * over 4 KiB (state sealing), SHA-256 and HMAC-SHA-256 over 1 KiB (cpHash, session HMACs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SymmetricBench {
    @Param({"jca", "bouncycastle"})
    public String provider;

    private CipherFamily aes;
    private DigestFamily digests;
    private final byte[] key128 = new byte[16];
    private final byte[] key256 = new byte[32];
    private final byte[] iv = new byte[16];
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[16];
    private final byte[] kib = new byte[1024];
    private final byte[] fourKib = new byte[4096];

    @Setup
    public void setup() {
        aes = BenchProviders.family(provider, CryptoSuite::ciphers, CryptoProvider::ciphers);
        digests = BenchProviders.family(provider, CryptoSuite::digests, CryptoProvider::digests);
        SecureRandom r = new SecureRandom();
        for (byte[] b : new byte[][] {key128, key256, iv, nonce, aad, kib, fourKib}) {
            r.nextBytes(b);
        }
    }

    @Benchmark
    public byte[] aesCfb1k() {
        return aes.aes(SymMode.CFB, true, key128, iv, kib);
    }

    @Benchmark
    public byte[] aesGcm4k() {
        return aes.gcmSeal(key256, nonce, aad, fourKib);
    }

    @Benchmark
    public byte[] sha256_1k() {
        return digests.hasher(HashAlg.SHA256).update(kib).digest();
    }

    @Benchmark
    public byte[] hmacSha256_1k() {
        return digests.hmac(HashAlg.SHA256, key256).update(kib).digest();
    }
}
