package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
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
 * ECC as TPM commands use it: Create (keygen), Sign (ECDSA over a digest), VerifySignature,
 * ECDH_ZGen / salted sessions (ECDH, full point).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EccBench {
    @Param({"openssl", "jca", "bouncycastle"})
    public String provider;

    @Param({"NIST_P256", "NIST_P384"})
    public EccCurve curve;

    private EccFamily ecc;
    private EccPrivateKey key;
    private EccPublicKey pub;
    private EcPoint peer;
    private final byte[] digest = new byte[32];
    private EcdsaSignature signature;

    @Setup(Level.Trial)
    public void setup() throws InvalidPointException {
        ecc = BenchProviders.family(provider, CryptoSuite::ecc, CryptoProvider::ecc);
        EccFamily reference = new BouncyCastleProvider().ecc().orElseThrow();
        EccKeyPair kp = reference.generate(curve);
        key = ecc.prepare(kp);
        pub = ecc.publicKey(kp.publicPoint());
        peer = reference.generate(curve).publicPoint();
        new SecureRandom().nextBytes(digest);
        signature = key.signEcdsa(digest);
    }

    @TearDown(Level.Trial)
    public void close() {
        key.close();
    }

    @Benchmark
    public EccKeyPair keygen() {
        return ecc.generate(curve);
    }

    @Benchmark
    public EcdsaSignature sign() {
        return key.signEcdsa(digest);
    }

    @Benchmark
    public boolean verify() {
        return pub.verifyEcdsa(digest, signature);
    }

    @Benchmark
    public EcPoint ecdh() throws InvalidPointException {
        return key.ecdh(peer);
    }
}
