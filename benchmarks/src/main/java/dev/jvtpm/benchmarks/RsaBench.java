package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.types.HashAlg;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.BadPaddingException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * RSA-2048 as TPM commands use it: Create/CreatePrimary (keygen), Sign (PKCS#1 v1.5 and PSS over a
 * SHA-256 digest), RSA_Decrypt / salted sessions / ActivateCredential (OAEP decrypt), and the
 * public side (VerifySignature, session salting). Private keys are prepared once, as the engine
 * caches them per loaded object, so the key import is outside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RsaBench {
    @Param({"openssl", "jca", "bouncycastle"})
    public String provider;

    private RsaFamily rsa;
    private RsaPrivateKey key;
    private RsaPublicKey pub;
    private final byte[] digest = new byte[32];
    private final byte[] label = "SECRET\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] oaepCiphertext;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setup() {
        rsa = BenchProviders.family(provider, CryptoSuite::rsa, CryptoProvider::rsa);
        // One fixed-size key from the same generator for every provider: the arithmetic is what differs.
        RsaKeyComponents k = new BouncyCastleProvider().rsa().orElseThrow().generate(2048, RsaFamily.DEFAULT_EXPONENT);
        key = rsa.prepare(k);
        pub = rsa.publicKey(k.modulus(), k.publicExponent());
        new SecureRandom().nextBytes(digest);
        oaepCiphertext = pub.encryptOaep(HashAlg.SHA256, label, new byte[32]);
        signature = key.signPkcs1(HashAlg.SHA256, digest);
    }

    @TearDown(Level.Trial)
    public void close() {
        key.close();
    }

    @Benchmark
    public RsaKeyComponents keygen2048() {
        return rsa.generate(2048, RsaFamily.DEFAULT_EXPONENT);
    }

    @Benchmark
    public byte[] signPkcs1() {
        return key.signPkcs1(HashAlg.SHA256, digest);
    }

    @Benchmark
    public byte[] signPss() {
        return key.signPss(HashAlg.SHA256, digest);
    }

    @Benchmark
    public byte[] decryptOaep() throws BadPaddingException {
        return key.decryptOaep(HashAlg.SHA256, label, oaepCiphertext);
    }

    @Benchmark
    public boolean verifyPkcs1() {
        return pub.verifyPkcs1(HashAlg.SHA256, digest, signature);
    }

    @Benchmark
    public byte[] encryptOaep() {
        return pub.encryptOaep(HashAlg.SHA256, label, digest);
    }
}
