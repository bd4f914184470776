package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.CtrDrbg;

/**
 * The DRBG of a deterministic derivation (Part 1 §11.4.11 "Random Number Generator" used as in
 * Part 1 §27.4 "Primary Objects"; libtpms DRBG_InstantiateSeeded / DRBG_AdditionalData): an AES-256
 * CTR_DRBG whose entropy input is {@link ReferenceDf} over seed ‖ purpose ‖ name ‖ additional.
 * The CTR_DRBG itself is {@link CtrDrbg}, whose instantiate/update/generate are the reference's.
 */
public final class SeededDrbg implements RandomSource {
    private final CipherFamily aes;
    private final CtrDrbg drbg;

    private SeededDrbg(CipherFamily aes, byte[] entropyInput) {
        this.aes = aes;
        this.drbg = CtrDrbg.fromSeed(aes, entropyInput, null);
    }

    /** DRBG_InstantiateSeeded(seed, purpose, name, additional); any input may be null (absent). */
    public static SeededDrbg instantiate(CipherFamily aes, byte[] seed, byte[] purpose, byte[] name, byte[] additional) {
        return new SeededDrbg(aes, ReferenceDf.of(aes, seed, purpose, name, additional));
    }

    /** DRBG_AdditionalData: reseed with DF(data) as the entropy input. Empty data is ignored here. */
    public void stir(byte[] data) {
        if (data != null && data.length > 0) {
            drbg.reseed(ReferenceDf.of(aes, data), null);
        }
    }

    @Override
    public void generate(byte[] out) {
        drbg.generate(out);
    }
}
