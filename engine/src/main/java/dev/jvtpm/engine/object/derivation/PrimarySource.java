package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where TPM2_CreatePrimary and TPM2_CreateLoaded get primary objects: {@link PrimaryDerivation}
 * under the seed's version, through a {@link PrimaryCache} for RSA keys. The cache is invisible
 * except in speed: a hit returns exactly what the derivation returned for the same inputs. One
 * per TPM instance.
 */
public final class PrimarySource {
    private final CryptoSuite suite;
    private final PrimaryDerivation derivation;
    private final PrimaryCache cache;
    private final Supplier<List<byte[]>> liveSeeds;
    private long hits;

    /**
     * @param cacheCapacity most RSA primaries kept (0: no cache)
     * @param liveSeeds     the seeds the hierarchies hold now (entries of any other seed are dropped)
     */
    public PrimarySource(CryptoSuite suite, int cacheCapacity, Supplier<List<byte[]>> liveSeeds) {
        this.suite = suite;
        this.derivation = new PrimaryDerivation(suite);
        this.cache = new PrimaryCache(cacheCapacity);
        this.liveSeeds = liveSeeds;
    }

    public PrimaryCache cache() {
        return cache;
    }

    /** Cache hits since this TPM instance was created (for tests and diagnostics). */
    public long hits() {
        return hits;
    }

    /**
     * The primary object for {@code template} under {@code seed}; see {@link PrimaryDerivation#derive}.
     *
     * @param persistentSeed whether the seed survives a TPM Reset (not the null seed): only then
     *                       may the result be kept in the permanent state
     */
    public CreatedObject derive(PrimaryDerivation.Version version, byte[] seed, boolean persistentSeed, PublicArea template,
                                SensitiveCreate sensitive, List<byte[]> endorsementProofs) throws TpmException {
        if (cache.capacity() == 0 || template.type() != TpmAlgId.RSA) {
            return derivation.derive(version, seed, template, sensitive, endorsementProofs);
        }
        forgetStaleSeeds();
        byte[] key = key(version, seed, template, sensitive, endorsementProofs);
        PrimaryCache.Entry e = cache.get(key);
        if (e != null) {
            hits++;
            // The derivation would have used AES (its DRBG): keep the self-test state as it would be.
            suite.beforeUse(TpmAlgId.AES);
            SensitiveArea s = e.sensitive().withAuthValue(sensitive.userAuth());
            return new CreatedObject(e.publicArea(), s, e.name());
        }
        CreatedObject o = derivation.derive(version, seed, template, sensitive, endorsementProofs);
        cache.put(new PrimaryCache.Entry(key, fingerprint(seed), persistentSeed, o.publicArea(),
                o.sensitive().withAuthValue(new byte[0]), o.name()));
        return o;
    }

    /** Drops cached primaries of seeds no hierarchy holds any more (Clear, ChangeEPS/PPS, TPM Reset). */
    public void forgetStaleSeeds() {
        if (cache.size() == 0) {
            return;
        }
        Set<String> live = new HashSet<>();
        for (byte[] s : liveSeeds.get()) {
            live.add(PrimaryCache.hex(fingerprint(s)));
        }
        cache.retainSeeds(live);
    }

    /*
     * Cache keys are computed with the JDK's SHA-256 directly, not with the TPM's primitives: they
     * are no TPM result, and using the TPM's hash would self-test it as a side effect that the
     * uncached TPM does not have.
     */
    private static byte[] fingerprint(byte[] seed) {
        MessageDigest md = sha256();
        md.update("jvtpm primary seed\0".getBytes(StandardCharsets.US_ASCII));
        return md.digest(seed);
    }

    /** Everything the derivation depends on: version, seed, the template (hence its Name), inSensitive.data, proofs. */
    private static byte[] key(PrimaryDerivation.Version version, byte[] seed, PublicArea template, SensitiveCreate sensitive,
                              List<byte[]> proofs) {
        TpmWriter w = new TpmWriter(512).u16(version.id()).tpm2b(seed);
        template.writeSized(w);
        w.tpm2b(sensitive.data());
        for (byte[] p : proofs) {
            w.tpm2b(p);
        }
        return sha256().digest(w.toByteArray());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
