package dev.jvtpm.benchmarks;

import static dev.jvtpm.benchmarks.ObjectCommandBytes.handle;
import static dev.jvtpm.benchmarks.ObjectCommandBytes.run;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.object.derivation.RsaKeyPool;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import java.util.List;
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
 * Whole TPM commands in process: command bytes in, response bytes out, through the dispatcher,
 * sessions and the chosen crypto, with state in memory. This is the place for command suites:
 * add a {@code @Benchmark} per command (build its bytes once in a setup) and gate ratios between
 * them in gate-ratios.txt. The object suites each use a TPM prepared for them (a nested state:
 * three transient slots do not hold every key at once, and the RSA key pool and the primary cache
 * differ between the compared configurations).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBench {
    @Param({"chain", "pure-java"})
    public String crypto;

    private Tpm tpm;
    private byte[] getRandom32;
    private byte[] pcrExtendSha256;

    @Setup
    public void setup() throws StateException {
        tpm = Tpm.create(TpmConfig.builder().stateStore(new InMemoryStateStore())
                .crypto(BenchProviders.suite(crypto)).build());
        tpm.init(false);
        if (tpm.startup(0) != 0) {
            throw new IllegalStateException("TPM2_Startup failed");
        }
        getRandom32 = ObjectCommandBytes.command(TpmSt.NO_SESSIONS, TpmCc.GET_RANDOM, w -> w.u16(32));
        // PCR 16 (debug, extendable from any locality) with an empty-password session.
        pcrExtendSha256 = ObjectCommandBytes.command(TpmSt.SESSIONS, TpmCc.PCR_EXTEND, w -> {
            w.u32(16);
            int mark = w.beginSized32();
            w.u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.endSized32(mark);
            w.u32(1).u16(TpmAlgId.SHA256).bytes(new byte[32]);
        });
        ObjectCommandBytes.run(tpm, getRandom32);
        ObjectCommandBytes.run(tpm, pcrExtendSha256);
    }

    /** A started TPM with in-memory state, the RSA key source and the primary cache size given. */
    static Tpm startedTpm(CryptoSuite suite, RsaKeyPool rsaKeys, int primaryCacheSize) {
        Tpm tpm = Tpm.create(TpmConfig.builder().stateStore(new InMemoryStateStore()).crypto(suite)
                .rsaKeys(rsaKeys).primaryCacheSize(primaryCacheSize).build());
        try {
            tpm.init(false);
        } catch (StateException e) {
            throw new IllegalStateException(e);
        }
        if (tpm.startup(0) != 0) {
            throw new IllegalStateException("TPM2_Startup failed");
        }
        return tpm;
    }

    @Benchmark
    public byte[] getRandom32() {
        return tpm.execute(getRandom32);
    }

    @Benchmark
    public byte[] pcrExtendSha256() {
        return tpm.execute(pcrExtendSha256);
    }

    /** RSA-2048 CreatePrimary (owner, tpm2-tools' storage template) where the primary cache has it. */
    @State(Scope.Thread)
    public static class CachedPrimary {
        Tpm tpm;
        byte[] createPrimary = ObjectCommandBytes.createPrimary(TpmHandles.RH_OWNER, ObjectCommandBytes.RSA2048_STORAGE);

        @Setup
        public void setup(EngineBench bench) {
            CryptoSuite suite = BenchProviders.suite(bench.crypto);
            tpm = startedTpm(suite, RsaKeyPool.unpooled(suite.rsa()), 8);
            ObjectCommandBytes.createPrimaryAndFlush(tpm, createPrimary);
        }
    }

    /** The same CreatePrimary on a TPM without primary cache: every call derives the key from the seed. */
    @State(Scope.Thread)
    public static class ColdPrimary {
        Tpm tpm;
        byte[] createPrimary = ObjectCommandBytes.createPrimary(TpmHandles.RH_OWNER, ObjectCommandBytes.RSA2048_STORAGE);

        @Setup
        public void setup(EngineBench bench) {
            CryptoSuite suite = BenchProviders.suite(bench.crypto);
            tpm = startedTpm(suite, RsaKeyPool.unpooled(suite.rsa()), 0);
        }
    }

    /**
     * A TPM with an ECC P-256 storage primary loaded, and an RSA key pool (two keys per size,
     * RSA-2048 filled from the start) or none. With the pool, every measured Create finds a key
     * ready: the invocation setup waits for the refill thread, as the pool has refilled between
     * a client's occasional Creates (back-to-back Creates that drain the pool run at the speed of
     * key generation, like unpooled ones).
     */
    @State(Scope.Thread)
    public static class Parent {
        @Param({"pooled", "unpooled"})
        public String rsaKeys;

        Tpm tpm;
        RsaKeyPool pool;
        byte[] createRsa2048;
        byte[] createEccP256;

        @Setup
        public void setup(EngineBench bench) {
            CryptoSuite suite = BenchProviders.suite(bench.crypto);
            pool = rsaKeys.equals("pooled") ? new RsaKeyPool(suite.rsa(), 2, List.of(2048)) : RsaKeyPool.unpooled(suite.rsa());
            tpm = startedTpm(suite, pool, 8);
            int parent = handle(run(tpm, ObjectCommandBytes.createPrimary(TpmHandles.RH_OWNER,
                    ObjectCommandBytes.ECC_P256_STORAGE)));
            createRsa2048 = ObjectCommandBytes.create(parent, ObjectCommandBytes.RSA2048_RSASSA);
            createEccP256 = ObjectCommandBytes.create(parent, ObjectCommandBytes.ECC_P256_ECDSA);
            run(tpm, createRsa2048);
        }

        @Setup(Level.Invocation)
        public void awaitPooledKey() throws InterruptedException {
            while (pool.capacity() > 0 && pool.available(2048) == 0) {
                Thread.sleep(1);
            }
        }

        @TearDown
        public void tearDown() {
            pool.close();
        }
    }

    /**
     * A TPM with a storage primary and, loaded under it, an RSA-2048 RSASSA-SHA-256 and an ECC
     * P-256 ECDSA-SHA-256 signing key.
     */
    @State(Scope.Thread)
    public static class SigningKeys {
        Tpm tpm;
        byte[] signRsa2048;
        byte[] signEccP256;

        @Setup
        public void setup(EngineBench bench) {
            CryptoSuite suite = BenchProviders.suite(bench.crypto);
            tpm = startedTpm(suite, RsaKeyPool.unpooled(suite.rsa()), 8);
            int parent = handle(run(tpm, ObjectCommandBytes.createPrimary(TpmHandles.RH_OWNER,
                    ObjectCommandBytes.ECC_P256_STORAGE)));
            int rsa = handle(run(tpm, ObjectCommandBytes.load(parent,
                    run(tpm, ObjectCommandBytes.create(parent, ObjectCommandBytes.RSA2048_RSASSA)))));
            int ecc = handle(run(tpm, ObjectCommandBytes.load(parent,
                    run(tpm, ObjectCommandBytes.create(parent, ObjectCommandBytes.ECC_P256_ECDSA)))));
            signRsa2048 = ObjectCommandBytes.sign(rsa);
            signEccP256 = ObjectCommandBytes.sign(ecc);
            run(tpm, signRsa2048);
            run(tpm, signEccP256);
        }
    }

    /**
     * A TPM with an HMAC-SHA-256 key (a keyed-hash primary) and an ECC storage primary whose
     * context is saved once, one slot left free for reloading it.
     */
    @State(Scope.Thread)
    public static class Contexts {
        Tpm tpm;
        byte[] hmac1k;
        byte[] contextSave;
        byte[] contextLoad;

        @Setup
        public void setup(EngineBench bench) {
            CryptoSuite suite = BenchProviders.suite(bench.crypto);
            tpm = startedTpm(suite, RsaKeyPool.unpooled(suite.rsa()), 8);
            int key = handle(run(tpm, ObjectCommandBytes.createPrimary(TpmHandles.RH_OWNER,
                    ObjectCommandBytes.HMAC_SHA256)));
            int storage = handle(run(tpm, ObjectCommandBytes.createPrimary(TpmHandles.RH_OWNER,
                    ObjectCommandBytes.ECC_P256_STORAGE)));
            hmac1k = ObjectCommandBytes.hmac(key, 1024);
            contextSave = ObjectCommandBytes.contextSave(storage);
            contextLoad = ObjectCommandBytes.contextLoad(run(tpm, contextSave));
            run(tpm, hmac1k);
            run(tpm, ObjectCommandBytes.flushContext(handle(run(tpm, contextLoad))));
        }
    }

    @Benchmark
    public void createPrimaryRsa2048Cached(CachedPrimary s) {
        ObjectCommandBytes.createPrimaryAndFlush(s.tpm, s.createPrimary);
    }

    @Benchmark
    public void createPrimaryRsa2048Cold(ColdPrimary s) {
        ObjectCommandBytes.createPrimaryAndFlush(s.tpm, s.createPrimary);
    }

    @Benchmark
    public byte[] createRsa2048(Parent s) {
        return s.tpm.execute(s.createRsa2048);
    }

    @Benchmark
    public byte[] createEccP256(Parent s) {
        return s.tpm.execute(s.createEccP256);
    }

    @Benchmark
    public byte[] signRsa2048(SigningKeys s) {
        return s.tpm.execute(s.signRsa2048);
    }

    @Benchmark
    public byte[] signEccP256(SigningKeys s) {
        return s.tpm.execute(s.signEccP256);
    }

    @Benchmark
    public byte[] hmacSha256_1k(Contexts s) {
        return s.tpm.execute(s.hmac1k);
    }

    @Benchmark
    public byte[] contextSave(Contexts s) {
        return s.tpm.execute(s.contextSave);
    }

    /** ContextLoad of the saved storage key, then FlushContext to free the slot again. */
    @Benchmark
    public byte[] contextLoadAndFlush(Contexts s) {
        return s.tpm.execute(ObjectCommandBytes.flushContext(handle(s.tpm.execute(s.contextLoad))));
    }
}
