package dev.jvtpm.engine.crypto;

import java.util.Arrays;

/**
 * SP 800-90A CTR_DRBG with AES-256 and no derivation function (the construction the TPM
 * reference uses): seedlen = 384 bits, reseed after {@link #RESEED_INTERVAL} requests or on
 * {@link #reseed}. Block encryption comes from the provider chain; the keystream for each request
 * is one AES-CTR call, which is how the mechanism's "V+1, V+2, ..." loop maps onto a 128-bit
 * counter mode.
 *
 * <p>Not thread-safe: each TPM instance owns one and executes commands one at a time.
 */
public final class CtrDrbg {
    public static final int KEY_LEN = 32;
    public static final int BLOCK_LEN = 16;
    public static final int SEED_LEN = KEY_LEN + BLOCK_LEN;
    /** Requests between automatic reseeds from the entropy source. */
    public static final long RESEED_INTERVAL = 1L << 20;
    /** The largest request SP 800-90A allows per generate call (2^19 bits). */
    public static final int MAX_REQUEST = 1 << 16;

    private final CipherFamily aes;
    private final EntropySource entropy;
    private final byte[] key = new byte[KEY_LEN];
    private final byte[] v = new byte[BLOCK_LEN];
    private long reseedCounter;

    /** Instantiates from {@code entropy} plus an optional personalization string (≤ 48 bytes). */
    public CtrDrbg(CipherFamily aes, EntropySource entropy, byte[] personalization) {
        this.aes = aes;
        this.entropy = entropy;
        byte[] seed = new byte[SEED_LEN];
        entropy.fill(seed);
        instantiate(seed, personalization);
    }

    /** A DRBG instantiated from exactly this seed material; for KATs and for deterministic derivations. */
    public static CtrDrbg fromSeed(CipherFamily aes, byte[] entropyInput, byte[] personalization) {
        return new CtrDrbg(aes, entropyInput, personalization);
    }

    private CtrDrbg(CipherFamily aes, byte[] entropyInput, byte[] personalization) {
        this.aes = aes;
        this.entropy = null;
        instantiate(entropyInput, personalization);
    }

    private void instantiate(byte[] entropyInput, byte[] personalization) {
        if (entropyInput.length != SEED_LEN) {
            throw new IllegalArgumentException("CTR_DRBG without df needs exactly " + SEED_LEN + " bytes of entropy");
        }
        byte[] seedMaterial = xorPadded(entropyInput, personalization);
        Arrays.fill(key, (byte) 0);
        Arrays.fill(v, (byte) 0);
        update(seedMaterial);
        reseedCounter = 1;
    }

    /** Reseeds with fresh entropy (or the given entropy input) and optional additional input. */
    public void reseed(byte[] entropyInput, byte[] additionalInput) {
        byte[] e = entropyInput;
        if (e == null) {
            if (entropy == null) {
                throw new IllegalStateException("seeded DRBG has no entropy source");
            }
            e = new byte[SEED_LEN];
            entropy.fill(e);
        }
        update(xorPadded(e, additionalInput));
        reseedCounter = 1;
    }

    /** Fills {@code out} with pseudorandom bytes, with optional additional input (≤ 48 bytes). */
    public void generate(byte[] out, byte[] additionalInput) {
        if (out.length > MAX_REQUEST) {
            int off = 0;
            while (off < out.length) {
                byte[] chunk = new byte[Math.min(MAX_REQUEST, out.length - off)];
                generate(chunk, additionalInput);
                System.arraycopy(chunk, 0, out, off, chunk.length);
                off += chunk.length;
            }
            return;
        }
        if (reseedCounter > RESEED_INTERVAL && entropy != null) {
            reseed(null, additionalInput);
            additionalInput = null;
        }
        byte[] add = null;
        if (additionalInput != null && additionalInput.length > 0) {
            add = pad(additionalInput);
            update(add);
        }
        byte[] stream = keystream(out.length);
        System.arraycopy(stream, 0, out, 0, out.length);
        update(add);
        reseedCounter++;
    }

    public void generate(byte[] out) {
        generate(out, null);
    }

    /** CTR_DRBG_Update: (Key, V) = leftmost seedlen bits of Enc(V+1) ‖ Enc(V+2) ‖ Enc(V+3), xor provided data. */
    private void update(byte[] provided) {
        byte[] temp = keystream(SEED_LEN);
        if (provided != null) {
            for (int i = 0; i < SEED_LEN; i++) {
                temp[i] ^= provided[i];
            }
        }
        System.arraycopy(temp, 0, key, 0, KEY_LEN);
        System.arraycopy(temp, KEY_LEN, v, 0, BLOCK_LEN);
    }

    /** Enc(V+1) ‖ Enc(V+2) ‖ ... truncated to n bytes; V advances by the blocks used. */
    private byte[] keystream(int n) {
        int blocks = (n + BLOCK_LEN - 1) / BLOCK_LEN;
        increment(v);
        byte[] out = aes.aes(SymMode.CTR, true, key, v, new byte[blocks * BLOCK_LEN]);
        for (int i = 1; i < blocks; i++) {
            increment(v);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static void increment(byte[] counter) {
        for (int i = counter.length - 1; i >= 0; i--) {
            if (++counter[i] != 0) {
                return;
            }
        }
    }

    private static byte[] pad(byte[] input) {
        if (input.length > SEED_LEN) {
            throw new IllegalArgumentException("additional input over " + SEED_LEN + " bytes");
        }
        return Arrays.copyOf(input, SEED_LEN);
    }

    private static byte[] xorPadded(byte[] entropyInput, byte[] extra) {
        byte[] out = entropyInput.clone();
        if (extra != null) {
            byte[] p = pad(extra);
            for (int i = 0; i < SEED_LEN; i++) {
                out[i] ^= p[i];
            }
        }
        return out;
    }
}
